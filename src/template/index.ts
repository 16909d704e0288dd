/**
 * The template (the project's facts, empty figures) and the sample (the same filled with the profile's
 * invented figures), as plain WorkbookSpecs any writer can lay out.
 */
import type { Profile } from '../profile/types';
import { CLUSTERIX2 } from '../profile/clusterix2';
import type { Cents } from '../util/money';
import type { WorkbookSpec } from './spec';
import { projectSheet } from './project-sheet';
import { budgetSheet } from './budget-sheet';
import { indicatorSheet } from './indicator-sheet';
import { buildBlankTemplate } from './blank';
import { PRESETS } from '../rules/presets';
import type { PresetId } from '../rules/types';

export type { WorkbookSpec, SheetSpec, SpecCell, SpecValue, SpecFormula } from './spec';
export { specToSnapshot } from './to-snapshot';
export { budgetSheetName, BUDGET_LINE_LABELS } from './budget-sheet';
export { PROJECT_SHEET } from './project-sheet';
export { INDICATOR_SHEET } from './indicator-sheet';

const TEMPLATE_NOTE = 'Template: fill in the approved budgets on this sheet, each partner\'s budget sheet, and the Indicators sheet; then run Check.';

export function buildTemplate(profile: Profile = CLUSTERIX2): WorkbookSpec {
  const budgets: Record<number, Cents | null> = {};
  for (const p of profile.partners) budgets[p.no] = p.approvedBudget;
  return {
    sheets: [
      projectSheet(profile, { note: TEMPLATE_NOTE, budgets, reportDate: null }),
      ...profile.partners.map((p) => budgetSheet(p, profile.periods.length, { plan: null, reported: null })),
      indicatorSheet(profile, null),
    ],
  };
}

/** The template for a programme: ClusteriX 2.0 for 2014–2020 (the default), an empty project for 2021–2027. */
export function buildProgrammeTemplate(programme: PresetId = '2014-2020'): WorkbookSpec {
  return programme === '2014-2020' ? buildTemplate(CLUSTERIX2) : buildBlankTemplate(PRESETS[programme]);
}

export function buildSample(profile: Profile = CLUSTERIX2): WorkbookSpec {
  const { sample } = profile;
  return {
    sheets: [
      projectSheet(profile, { note: sample.inventedNote, budgets: sample.approvedBudgets, reportDate: sample.reportDate }),
      ...profile.partners.map((p) => budgetSheet(p, profile.periods.length, { plan: sample.plan[p.no] ?? {}, reported: sample.reported[p.no] ?? {} })),
      indicatorSheet(profile, sample.achievements),
    ],
  };
}
