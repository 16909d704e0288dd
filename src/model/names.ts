/**
 * One resolution of the names typed in the data (workbook.md, "Names in the data"): every budget sheet and
 * indicator row points to at most one partner, every indicator row to at most one target, decided here once.
 * Checks, figures and the report plan read these references; nothing matches names anywhere else.
 *
 * The matcher, in order: a partner number ('5', 'PP5', 'Partner 5'); the full name as labels match (case, spaces,
 * accents and punctuation ignored); then a short form: the first words of exactly one partner's name ('Lund' for
 * 'Lund University', 'West-Pannon' for 'West-Pannon Regional…'; 'Region' is not 'Regional'). A target: its code,
 * else its name, as labels match. No or several candidates leave the reference empty and keep the candidates, for
 * the finding that names them (I01 on an indicator row, P03 on a budget sheet).
 */
import type { BudgetSheet, IndicatorRow, Model, Partner, Target } from './types';
import { normalizeLabel } from '../util/labels';

/** What a typed name points to: `found` is set when there is one candidate (a budget sheet's Partner No listed
 * twice goes to the first partner with it: P03 says the number is used twice). */
export interface NameMatch<T> {
  found: T | null;
  candidates: T[];
}

export interface SheetOwner extends NameMatch<Partner> {
  /** Partner No's match, null when the sheet has no readable Partner No. */
  byNo: NameMatch<Partner> | null;
  /** The Partner field's match, null when the sheet has no Partner field. */
  byName: NameMatch<Partner> | null;
}

export interface RowNames {
  partner: NameMatch<Partner>;
  target: NameMatch<Target>;
  /** The earlier row on the same sheet with the same partner and indicator (T03). */
  duplicateOf: IndicatorRow | null;
}

export interface Names {
  sheets: Map<BudgetSheet, SheetOwner>;
  /** The budget sheet that counts for each partner: the first that is its (P03 names any other). */
  sheetOf: Map<Partner, BudgetSheet>;
  rows: Map<IndicatorRow, RowNames>;
}

/** The one partner-number pattern: '5', '05', 'PP5', 'LP 1', 'Partner 5'. */
export function partnerNumber(text: string): number | null {
  const m = /^(?:pp|lp|partner)?\s*0*(\d{1,4})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

function match<T>(candidates: T[]): NameMatch<T> {
  return { found: candidates.length === 1 ? candidates[0] : null, candidates };
}

/** The partners by number and by name as labels match, made once for many look-ups (a partner per sheet and row). */
interface PartnerIndex {
  partners: readonly Partner[];
  byNo: Map<number, Partner[]>;
  byName: Map<string, Partner[]>;
}

function indexPartners(partners: readonly Partner[]): PartnerIndex {
  const byNo = new Map<number, Partner[]>();
  const byName = new Map<string, Partner[]>();
  for (const p of partners) {
    const no = p.no.value;
    if (no !== null) {
      const list = byNo.get(no);
      if (list) list.push(p);
      else byNo.set(no, [p]);
    }
    const n = normalizeLabel(p.name.value);
    const list = byName.get(n);
    if (list) list.push(p);
    else byName.set(n, [p]);
  }
  return { partners, byNo, byName };
}

/** Partners a name or number as typed refers to, through the index: in the Partners table's order. */
function matchPartnerIn(index: PartnerIndex, text: string | number | null): NameMatch<Partner> {
  if (text === null) return match([]);
  const t = String(text);
  const no = partnerNumber(t);
  if (no !== null) return match(index.byNo.get(no)?.slice() ?? []);
  const n = normalizeLabel(t);
  if (n === '') return match([]);
  const exact = index.byName.get(n);
  if (exact !== undefined && exact.length > 0) return match(exact.slice());
  const typed = words(t);
  return match(index.partners.filter((p) => startsWithWords(words(p.name.value ?? ''), typed)));
}

/** A name's words, each as labels match ('West-Pannon Ltd.' → west, pannon, ltd). */
function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).map(normalizeLabel).filter((w) => w !== '');
}

function startsWithWords(name: string[], start: string[]): boolean {
  return start.length > 0 && start.length < name.length && start.every((w, i) => name[i] === w);
}

/** Targets an indicator as typed refers to: its code or its name. */
export function matchTarget(targets: readonly Target[], text: string | null): NameMatch<Target> {
  const n = normalizeLabel(text);
  if (n === '') return match([]);
  const byCode = targets.filter((t) => normalizeLabel(t.code) === n);
  return match(byCode.length > 0 ? byCode : targets.filter((t) => normalizeLabel(t.name) === n));
}

/** The partner a budget sheet belongs to: its Partner No, else its Partner field. */
export function sheetOwner(partners: readonly Partner[], b: BudgetSheet): SheetOwner {
  return sheetOwnerIn(indexPartners(partners), b);
}

function sheetOwnerIn(index: PartnerIndex, b: BudgetSheet): SheetOwner {
  // A number listed twice (P03 says so on the Project sheet) gives the sheet to the first partner with it.
  const numbered = b.partnerNo?.value != null ? (index.byNo.get(b.partnerNo.value)?.slice() ?? []) : null;
  const byNo = numbered ? { found: numbered[0] ?? null, candidates: numbered } : null;
  const byName = b.partnerName?.value != null ? matchPartnerIn(index, b.partnerName.value) : null;
  const decided = byNo ?? byName ?? match<Partner>([]);
  return { ...decided, byNo, byName };
}

export function resolveNames(model: Pick<Model, 'project' | 'budgets' | 'indicators'>): Names {
  const partners = model.project?.partners ?? [];
  const targets = model.project?.targets ?? [];
  const index = indexPartners(partners);
  const sheets = new Map<BudgetSheet, SheetOwner>();
  const sheetOf = new Map<Partner, BudgetSheet>();
  for (const b of model.budgets) {
    const owner = sheetOwnerIn(index, b);
    sheets.set(b, owner);
    if (owner.found && !sheetOf.has(owner.found)) sheetOf.set(owner.found, b);
  }
  // Indicator rows repeat the same few names thousands of times: match each distinct text once.
  const partnerMemo = new Map<string, NameMatch<Partner>>();
  const targetMemo = new Map<string, NameMatch<Target>>();
  const rows = new Map<IndicatorRow, RowNames>();
  const firstOnSheet = new Map<string, Map<Partner | string, Map<Target | string, IndicatorRow>>>();
  for (let r = 0; r < model.indicators.length; r++) {
    const row = model.indicators[r];
    const p = row.partner.value ?? '';
    const i = row.indicator.value ?? '';
    let partner = partnerMemo.get(p);
    if (!partner) partnerMemo.set(p, (partner = matchPartnerIn(index, row.partner.value)));
    let target = targetMemo.get(i);
    if (!target) targetMemo.set(i, (target = matchTarget(targets, row.indicator.value)));
    let duplicateOf: IndicatorRow | null = null;
    if (row.partner.value !== null && row.indicator.value !== null) {
      // A pair is the same pair whether typed by number, name or short form; unresolved names compare as typed.
      // Keyed by the partner and target found (else the name as labels match), sheet by sheet: no key text per row.
      const pk: Partner | string = partner.found ?? normalizeLabel(p);
      const ik: Target | string = target.found ?? normalizeLabel(i);
      let bySheet = firstOnSheet.get(row.sheet);
      if (!bySheet) firstOnSheet.set(row.sheet, (bySheet = new Map()));
      let byPartner = bySheet.get(pk);
      if (!byPartner) bySheet.set(pk, (byPartner = new Map()));
      duplicateOf = byPartner.get(ik) ?? null;
      if (!duplicateOf) byPartner.set(ik, row);
    }
    rows.set(row, { partner, target, duplicateOf });
  }
  return { sheets, sheetOf, rows };
}

/** A partner as findings name it: 'partner 5 (Lund University)'. */
export function partnerName(p: Partner): string {
  const no = p.no.value ?? '?';
  return p.name.value ? `partner ${no} (${p.name.value})` : `partner ${no}`;
}
