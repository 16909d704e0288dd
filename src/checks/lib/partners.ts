/** The partners of budget sheets and indicator rows, as resolved once in the model (model/names.ts): checks never match names. */
import type { BudgetSheet, Model, Partner } from '../../model/types';
import type { Profile } from '../../profile/types';
import { partnerName, sheetOwner } from '../../model/names';
import { norm } from './norm';

export function partnerByNo(model: Model, no: number): Partner | null {
  return model.project?.partners.find((p) => p.no.value === no) ?? null;
}

/** The partner a budget sheet belongs to (its Partner No, else its Partner field); null when none or several fit. */
export function partnerOfSheet(model: Model, sheet: BudgetSheet): Partner | null {
  // A sheet of another workbook (import: a partner's file against BOOK's partners) by the same matcher.
  return (model.names.sheets.get(sheet) ?? sheetOwner(model.project?.partners ?? [], sheet)).found ?? null;
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

/**
 * The partner whose own workbook this is (made by `clusterix partner-workbook`), recognised by content, as
 * everything here: more than one partner is listed, there is exactly one budget sheet and it belongs to a
 * listed partner, and every indicator row names that partner. Null for a lead's workbook. This is the one
 * place that decides it: P03 then asks for a budget sheet only of this partner, and import takes a file's
 * partner from here.
 */
export function partnerWorkbookOf(model: Model): Partner | null {
  const partners = model.project?.partners ?? [];
  if (partners.length < 2 || model.budgets.length !== 1) return null;
  const partner = partnerOfSheet(model, model.budgets[0]);
  if (!partner) return null;
  for (const row of model.indicators) {
    if ((row.partner.value ?? '').trim() === '') continue; // a row not filled in yet
    if (model.names.rows.get(row)?.partner.found !== partner) return null;
  }
  return partner;
}
