/**
 * A model without its cell positions, in a canonical order: two layouts of the same workbook parse to the same view.
 */
import type { Amount, Model } from '../../src/model/types';

const amt = (a: Amount | null) => (a === null ? null : a.cents);

export function modelView(model: Model) {
  const p = model.project!;
  const budgetOf = (t: Model['budgets'][number]['plan']) =>
    t === null
      ? null
      : Object.fromEntries(
          t.rows
            .map((r) => [r.line ?? (r.isTotal ? 'total' : `?${r.label.value}`), [...t.periods.map((c, i) => [c.number, amt(r.amounts[i])] as const)].sort((a, b) => a[0] - b[0]).map((x) => x[1])] as const)
            .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        );
  return {
    project: {
      acronym: p.acronym.value,
      programme: p.programme?.value ?? null,
      totalBudget: amt(p.totalBudget),
      start: p.start?.value ?? null,
      end: p.end?.value ?? null,
      reportDate: p.reportDate?.value ?? null,
      phases: p.phases.map((x) => ({ key: x.key, start: x.start.value, end: x.end.value, months: x.months.value })),
      periods: p.periods.map((x) => ({ number: x.number, phase: x.phaseKey, start: x.start.value, end: x.end.value, months: x.months.value })),
      partners: p.partners.map((x) => ({
        no: x.no.value,
        role: x.role.value,
        name: x.name.value,
        country: x.country.value,
        nuts: x.nuts.value,
        legalStatus: x.legalStatus.value,
        erdfRateBp: x.erdfRateBp.value,
        approvedBudget: amt(x.approvedBudget),
      })),
      targets: p.targets.map((t) => ({ code: t.code, name: t.name, target: t.target.value, unit: t.unit, minimum: t.minimum })),
    },
    budgets: model.budgets
      .map((b) => ({
        partnerNo: b.partnerNo?.value ?? null,
        partnerName: b.partnerName?.value ?? null,
        plan: budgetOf(b.plan),
        reported: budgetOf(b.reported),
        erdf: amt(b.erdf),
        contribution: amt(b.contribution),
      }))
      .sort((a, b) => (a.partnerNo ?? 0) - (b.partnerNo ?? 0)),
    indicators: model.indicators
      .map((r) => ({
        partner: model.names.rows.get(r)?.partner.found?.no.value ?? null,
        indicator: model.names.rows.get(r)?.target.found?.code ?? null,
        values: [...r.values].sort((a, b) => a.period - b.period).map((v) => v.value),
      }))
      .sort((a, b) => (a.partner ?? 0) - (b.partner ?? 0) || String(a.indicator).localeCompare(String(b.indicator))),
    cellIssues: model.cellIssues.map((i) => i.kind).sort(),
    missing: model.missing.map((m) => m.what).sort(),
    duplicates: model.duplicates.length,
  };
}
