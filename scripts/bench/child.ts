/** Runs a node child (CLI or floor) the way a user would, and measures its wall time, exit status and peak memory. */
import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const RSS_PRELOAD = path.join(__dirname, 'rss-report.js');

export interface ChildRun {
  ms: number;
  code: number | null;
  /** Peak resident memory of the child in MB (process.resourceUsage().maxRSS, read at its exit). */
  peakMb: number | null;
  stderr: string;
}

export function runNode(args: string[], cwd: string): Promise<ChildRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clusterix-rss-'));
  const rssFile = path.join(dir, 'rss');
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-r', RSS_PRELOAD, ...args], {
      cwd,
      env: { ...process.env, CLUSTERIX_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      let peakMb: number | null = null;
      try {
        peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        peakMb = null;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms, code, peakMb, stderr: stderr.trim() });
    });
  });
}
