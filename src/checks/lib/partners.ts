/** The partners of budget sheets and indicator rows, as resolved once in the model (model/names.ts): checks never match names. */
import type { BudgetSheet, Model, Partner } from '../../model/types';
import type { Profile } from '../../profile/types';
import { partnerName } from '../../model/names';
import { norm } from './norm';

export function partnerByNo(model: Model, no: number): Partner | null {
  return model.project?.partners.find((p) => p.no.value === no) ?? null;
}

/** The partner a budget sheet belongs to (its Partner No, else its Partner field); null when none or several fit. */
export function partnerOfSheet(model: Model, sheet: BudgetSheet): Partner | null {
  return model.names.sheets.get(sheet)?.found ?? null;
}

export const partnerLabel = partnerName;

export function isLead(p: Partner): boolean {
  return p.role.value?.toUpperCase() === 'LP';
}

/** True when the workbook is the profile's own project (its acronym), so the profile's stated facts apply too. */
export function isProfileProject(model: Model, profile: Profile): boolean {
  const acronym = model.project?.acronym.value;
  return acronym != null && norm(acronym) === norm(profile.acronym);
}
