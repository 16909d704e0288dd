/** Runs a node child (CLI or floor) the way a user would, and measures its wall time, CPU time, exit status and peak memory. */
import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const USAGE_PRELOAD = path.join(__dirname, 'rss-report.js');

export interface ChildRun {
  ms: number;
  /** CPU time of the child (user + system), ms: steadier than wall time on a shared machine. */
  cpuMs: number | null;
  code: number | null;
  /** Peak resident memory of the child in MB (process.resourceUsage().maxRSS, read at its exit). */
  peakMb: number | null;
  stderr: string;
}

export function runNode(args: string[], cwd: string): Promise<ChildRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clusterix-usage-'));
  const usageFile = path.join(dir, 'usage.json');
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-r', USAGE_PRELOAD, ...args], {
      cwd,
      env: { ...process.env, CLUSTERIX_BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      let usage: { maxRSS: number; cpu: number } | null = null;
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {
        usage = null;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms, cpuMs: usage ? usage.cpu / 1000 : null, code, peakMb: usage ? usage.maxRSS / 1024 : null, stderr: stderr.trim() });
    });
  });
}
