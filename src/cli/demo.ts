/**
 * `npm run demo`: writes the sample, checks it through the CLI's own code, and says whether the findings
 * are exactly the two the sample is known to carry (rules.md): P02 on Phase 2's end, P01 on Region Skåne.
 */
import * as path from 'path';
import { promises as fs } from 'fs';
import { CLUSTERIX2 } from '../profile/clusterix2';
import type { Finding } from '../checks/types';
import { buildSample, PROJECT_SHEET } from '../template';
import { projectLayout } from '../template/project-sheet';
import { writeSpecXlsx } from '../apply/xlsx/spec-writer';
import { parseA1 } from '../util/a1';
import { runCheck } from './commands/check';

interface Expected {
  rule: string;
  row: number; // 0-based row on the Project sheet
  what: string;
}

/** The two known description errors, located where the sample puts them. */
export function expectedFindings(): Expected[] {
  const at = projectLayout(CLUSTERIX2);
  const phase2 = CLUSTERIX2.phases.findIndex((p) => p.name === '2');
  const skane = CLUSTERIX2.partners.findIndex((p) => p.no === 11);
  return [
    { rule: 'P02', row: at.phasesHeader + 1 + phase2, what: "P02 on Phase 2's end (2021-04-01 given, 2021-03-31 expected)" },
    { rule: 'P01', row: at.partnersHeader + 1 + skane, what: 'P01 on Region Skåne (SK given, NUTS SE224 says SE)' },
  ];
}

function rowOf(cell: string | null): number | null {
  if (cell === null) return null;
  try {
    return parseA1(cell.split(':')[0]).row;
  } catch {
    return null;
  }
}

/** What differs from the expected findings, in lines; empty when the findings are exactly the expected ones. */
export function differences(findings: Finding[]): string[] {
  const out: string[] = [];
  const relevant = findings.filter((f) => f.severity !== 'info');
  const unmatched = [...relevant];
  for (const e of expectedFindings()) {
    const i = unmatched.findIndex((f) => f.rule === e.rule && f.severity === 'error' && f.sheet === PROJECT_SHEET && rowOf(f.cell) === e.row);
    if (i < 0) out.push(`missing: ${e.what}`);
    else unmatched.splice(i, 1);
  }
  for (const f of unmatched) out.push(`unexpected ${f.severity}: ${f.rule} ${f.sheet ?? '-'}!${f.cell ?? '-'} ${f.message}`);
  return out;
}

/** Runs the demo, writing what it does to `log`; returns the exit status. */
export async function runDemo(outDir: string, log: (line: string) => void): Promise<number> {
  await fs.mkdir(outDir, { recursive: true });
  const book = path.join(outDir, 'clusterix-sample.xlsx');
  await writeSpecXlsx(buildSample(), book);
  log(`1. wrote the ClusteriX 2.0 sample to ${book}`);

  log(`2. clusterix check ${book}`);
  const run = await runCheck(book);
  for (const line of run.output.trimEnd().split('\n')) log(line === '' ? '' : `   ${line}`);
  const diff = differences(run.findings);
  if (diff.length > 0) {
    log('The findings differ from the two the sample is known to carry:');
    for (const d of diff) log(`  - ${d}`);
    return 1;
  }
  log('   as expected: exactly the two errors the project description carries, and no warning:');
  for (const e of expectedFindings()) log(`   - ${e.what}`);

  const out = path.join(outDir, 'clusterix-sample.consolidated.xlsx');
  log(`3. clusterix consolidate ${book} -o ${out}`);
  const { runConsolidate } = await import('./commands/consolidate');
  const cons = await runConsolidate(book, { out });
  const consDiff = differences(cons.findings);
  if (consDiff.length > 0) {
    log('Consolidate found other findings than check:');
    for (const d of consDiff) log(`  - ${d}`);
    return 1;
  }
  log(`   wrote the five report tabs and the marks to ${out} (open it on 'Report Summary'); clusterix clear takes them away`);
  return 0;
}
