/** Findings grouped by severity (errors first), then by sheet in the order the sheets first appear. */
import type { Finding, Severity } from '../../checks/types';
import { SEVERITIES } from './severity';

export interface SheetGroup {
  /** null: findings about the workbook as a whole (a missing sheet). */
  sheet: string | null;
  findings: Finding[];
}
export interface SeverityGroup {
  severity: Severity;
  sheets: SheetGroup[];
}

export function groupFindings(findings: Finding[]): SeverityGroup[] {
  return SEVERITIES.map((severity) => {
    const sheets: SheetGroup[] = [];
    for (const f of findings) {
      if (f.severity !== severity) continue;
      let group = sheets.find((g) => g.sheet === f.sheet);
      if (!group) sheets.push((group = { sheet: f.sheet, findings: [] }));
      group.findings.push(f);
    }
    return { severity, sheets };
  }).filter((g) => g.sheets.length > 0);
}
