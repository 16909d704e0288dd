/** Which partner a budget sheet or indicator row belongs to, matched against the workbook's own Partners table. */
import type { BudgetSheet, Model, Partner } from '../../model/types';
import type { Profile } from '../../profile/types';
import { norm } from './norm';

export function partnerByNo(model: Model, no: number): Partner | null {
  return model.project?.partners.find((p) => p.no.value === no) ?? null;
}

/** Answers per model and text: indicator rows name the same partners thousands of times. */
const namedCache = new WeakMap<Model, Map<string, Partner[]>>();

/** Partners a name or number as typed refers to: the number, the full name, or a short form of it ('West-Pannon'). */
export function partnersNamed(model: Model, text: string): Partner[] {
  let cache = namedCache.get(model);
  if (!cache) namedCache.set(model, (cache = new Map()));
  let found = cache.get(text);
  if (!found) cache.set(text, (found = findPartnersNamed(model, text)));
  return found;
}

function findPartnersNamed(model: Model, text: string): Partner[] {
  const partners = model.project?.partners ?? [];
  const t = text.trim();
  if (/^(pp|lp|partner)?\s*\d+$/i.test(t)) {
    const no = Number(t.replace(/\D/g, ''));
    return partners.filter((p) => p.no.value === no);
  }
  const n = norm(t);
  if (n === '') return [];
  const exact = partners.filter((p) => norm(p.name.value) === n);
  if (exact.length > 0) return exact;
  return partners.filter((p) => {
    const name = norm(p.name.value);
    return name !== '' && (name.startsWith(n) || n.startsWith(name));
  });
}

/** The partner a budget sheet belongs to: its Partner No, else its Partner field; null when none matches one partner. */
export function partnerOfSheet(model: Model, sheet: BudgetSheet): Partner | null {
  if (sheet.partnerNo?.value != null) return partnerByNo(model, sheet.partnerNo.value);
  if (sheet.partnerName?.value != null) {
    const found = partnersNamed(model, sheet.partnerName.value);
    return found.length === 1 ? found[0] : null;
  }
  return null;
}

export function partnerLabel(p: Partner): string {
  const no = p.no.value ?? '?';
  return p.name.value ? `partner ${no} (${p.name.value})` : `partner ${no}`;
}

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
    const named = partnersNamed(model, row.partner.value ?? '');
    if (named.length !== 1 || named[0] !== partner) return null;
  }
  return partner;
}
