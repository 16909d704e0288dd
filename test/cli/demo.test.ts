import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { differences, expectedFindings } from '../../src/cli/demo';
import type { Finding } from '../../src/checks/types';

const root = path.join(__dirname, '..', '..');

const p02: Finding = { rule: 'P02', severity: 'error', sheet: 'Project', cell: 'C14', message: 'Phase 2 ends 2021-04-01' };
const p01: Finding = { rule: 'P01', severity: 'error', sheet: 'Project', cell: 'D39', message: 'SK but SE224' };

describe('the demo', () => {
  it('expects P02 on the Phases table row of phase 2 and P01 on Region Skåne’s row', () => {
    expect(expectedFindings().map((e) => [e.rule, e.row + 1])).toEqual([['P02', 14], ['P01', 39]]);
  });
  it('accepts exactly those two errors, with infos beside them', () => {
    expect(differences([p01, { ...p02, cell: 'A14:D14' }, { rule: 'I02', severity: 'info', sheet: 'Project', cell: 'C43', message: 'progress' }])).toEqual([]);
  });
  it('says what is missing and what is unexpected', () => {
    expect(differences([p02, { ...p01, cell: 'D38' }, { rule: 'B08', severity: 'warning', sheet: null, cell: null, message: 'equipment' }])).toEqual([
      'missing: P01 on Region Skåne (SK given, NUTS SE224 says SE)',
      'unexpected error: P01 Project!D38 SK but SE224',
      'unexpected warning: B08 -!- equipment',
    ]);
  });

  it('npm run demo writes out/clusterix-sample.xlsx and exits 0 on the two expected findings', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-demo-'));
    try {
      const r = spawnSync(process.execPath, ['--unhandled-rejections=strict', path.join(root, 'scripts', 'demo.js')], { cwd, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('as expected: exactly the two errors the project description carries, and no warning');
      expect(r.status).toBe(0);
      expect(fs.statSync(path.join(cwd, 'out', 'clusterix-sample.xlsx')).size).toBeGreaterThan(10000);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});
