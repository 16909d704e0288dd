/**
 * The consolidated figures in integer cents: a partner's figure is the sum of its period cells as read (a missing
 * cell counts as 0: T01/T02 say what is wrong), ERDF = planned total × rate rounded down, contribution = the rest.
 */
import type { BudgetLineKey, BudgetTable, Model } from '../model/types';
import { lineSum, rowAchieved, tableSum } from '../model/totals';
import { applyRateDown, type Cents } from '../util/money';
import type { Figures, IndicatorFigures, LineAmounts, PartnerFigures } from './types';
import { partnerSources, type PartnerSources } from './sources';
import { periodFigures } from './periods';
import { rulesInForce } from '../rules/in-force';

/** `sources`: partnerSources(model), when the caller has them already (the engine hands the same to the plan). */
export function computeFigures(model: Model, sources: PartnerSources[] = partnerSources(model)): Figures {
  const lines = rulesInForce(model).rules.budgetLines;
  const partners = sources.map((s) => partnerFigures(s, lines));
  const totals = {
    budget: addLines(partners.map((p) => p.budget), lines),
    reported: addLines(partners.map((p) => p.reported), lines),
    erdf: sum(partners.map((p) => p.erdf)),
    contribution: sum(partners.map((p) => p.contribution)),
  };
  const project = model.project;
  return {
    lines,
    project: {
      acronym: project?.acronym.value ?? '',
      totalBudget: project?.totalBudget?.cents ?? null,
      reportDate: project?.reportDate?.value ?? null,
    },
    partners,
    totals,
    periods: periodFigures(model, sources),
    indicators: indicatorFigures(model, sources),
  };
}

function partnerFigures(s: PartnerSources, lines: readonly BudgetLineKey[]): PartnerFigures {
  const budget = lineAmounts(s.sheet?.plan ?? null, lines);
  const reported = lineAmounts(s.sheet?.reported ?? null, lines);
  const rate = s.partner.erdfRateBp.value;
  const erdf = rate === null ? (0 as Cents) : applyRateDown(budget.total, rate);
  return {
    no: s.no,
    name: s.name,
    country: s.country,
    sheet: s.sheet?.sheet ?? null,
    budget,
    reported,
    erdf,
    contribution: (budget.total - erdf) as Cents,
  };
}

/**
 * Each line in force and the total as model/totals.ts defines them, the checks' own figures (a missing cell counting
 * as 0 here; a 2014–2020 workbook's figures have no Infrastructure and works).
 */
function lineAmounts(table: BudgetTable | null, lines: readonly BudgetLineKey[]): LineAmounts {
  const out = { total: tableSum(table).cents } as LineAmounts;
  for (const key of lines) out[key] = lineSum(table, key).cents;
  return out;
}

function addLines(all: LineAmounts[], lines: readonly BudgetLineKey[]): LineAmounts {
  const out = { total: 0 } as LineAmounts;
  for (const key of [...lines, 'total'] as const) out[key] = sum(all.map((l) => l[key]));
  return out;
}

function indicatorFigures(model: Model, sources: PartnerSources[]): IndicatorFigures[] {
  return (model.project?.targets ?? []).map((target) => {
    const byPartner: Record<string, number> = {};
    let achieved = 0;
    for (const s of sources) {
      const value = (s.indicators.get(target) ?? []).reduce((acc, row) => acc + rowAchieved(row).value, 0);
      byPartner[String(s.no)] = (byPartner[String(s.no)] ?? 0) + value;
      achieved += value;
    }
    return { code: target.code, name: target.name, target: target.target.value, achieved, byPartner };
  });
}

function sum(xs: Cents[]): Cents {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s as Cents;
}
