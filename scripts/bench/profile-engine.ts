/**
 * For profiling only: runs the engine steps a few times on an N-partner snapshot (no files), so that
 * `node --cpu-prof scripts/bench/profile-engine.js 100` shows where the time goes.
 */
import { bigProfile, bigWorkbookSnapshot } from '../../test/support/big-workbook';
import { timeEngine, STEPS } from './engine';

const n = Number(process.argv[2] ?? 100);
const t = timeEngine(bigWorkbookSnapshot(n), bigProfile(n), Number(process.argv[3] ?? 3), 60_000);
process.stdout.write(`${n} partners: ${STEPS.map((s) => `${s} ${t.steps[s]?.toFixed(1)}`).join(', ')}; total ${t.total.toFixed(1)} ms over ${t.runs} runs${t.failed ? `; ${t.failed}` : ''}\n`);
