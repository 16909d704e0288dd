/** Which partner a finding is about, for the pane's partner filter: its budget sheet, its Partners row or indicator row. */
import type { Model } from '../model/types';
import type { Finding } from './types';
import { parseA1 } from '../util/a1';
import { partnerOfSheet } from './lib/partners';

export type PartnerNamer = (f: Finding) => string | null;

/** "P3 West-Pannon…" style labels: number first, so the filter sorts and reads by partner number. */
export function partnerNamer(model: Model): PartnerNamer {
  const label = (no: number | null, name: string | null) => (no == null ? null : name ? `${no} ${name}` : `${no}`);
  const bySheet = new Map<string, string | null>();
  for (const b of model.budgets) {
    const p = partnerOfSheet(model, b);
    bySheet.set(b.sheet, p ? label(p.no.value, p.name.value) : null);
  }
  const projectRows = new Map<number, string | null>();
  for (const p of model.project?.partners ?? []) projectRows.set(p.at.row, label(p.no.value, p.name.value));
  const indicatorRows = new Map<string, string | null>();
  for (const r of model.indicators) {
    const found = model.names.rows.get(r)?.partner.found ?? null;
    indicatorRows.set(`${r.sheet}\u0000${r.row}`, found ? label(found.no.value, found.name.value) : null);
  }
  return (f) => {
    if (!f.sheet) return null;
    if (bySheet.has(f.sheet)) return bySheet.get(f.sheet) ?? null;
    if (!f.cell) return null;
    let row: number;
    try {
      row = parseA1(f.cell.split(':')[0].replace(/\$/g, '')).row;
    } catch {
      return null;
    }
    if (f.sheet === model.project?.sheet) return projectRows.get(row) ?? null;
    return indicatorRows.get(`${f.sheet}\u0000${row}`) ?? null;
  };
}
