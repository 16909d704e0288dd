/** The command line run in this process (no node spawn): exit status and what it printed. */
import { runCli } from '../../src/cli/program';

export async function cliInProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await runCli(['node', 'clusterix', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    // runCli sets the exit status for a real process; here it must not leak into jest's.
    process.exitCode = 0;
  }
}
