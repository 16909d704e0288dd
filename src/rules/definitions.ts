/**
 * Each rule as the Rules table writes it: its label (the words before the brackets name it), its note, how a
 * cell's value is read, and how a value is shown to people (messages, Report Checks, the template).
 */
import { BUDGET_LINE_KEYS, BUDGET_LINE_NAMES, type BudgetLineKey } from '../model/types';
import { BUDGET_LINE_LABELS } from '../parse/vocabulary';
import { parseNumericText } from '../parse/numeric-text';
import { formatEur, numberToCents, type Cents } from '../util/money';
import { normalizeLabel } from '../util/labels';
import type { ProgrammeRules, RuleKey, RuleValue } from './types';

export type RuleKind = 'percent' | 'amount' | 'countries' | 'lines';

export interface RuleDefinition {
  key: RuleKey;
  /** The rule's name in the Rules table. */
  label: string;
  /** Units and notes, written in brackets after the label in the template. */
  note: string;
  /** Other names the Rules table may use (2021–2027 calls the ERDF Interreg funds). */
  synonyms: readonly string[];
  kind: RuleKind;
  /** True where the rule may be blank (null): the check that needs it is then not run. */
  optional: boolean;
}

export const RULE_DEFINITIONS: readonly RuleDefinition[] = [
  { key: 'officeRateBp', label: 'Office and administration flat rate', note: '% of staff costs', synonyms: [], kind: 'percent', optional: false },
  { key: 'travelRateBp', label: 'Travel and accommodation flat rate', note: '% of staff costs; blank: real costs', synonyms: [], kind: 'percent', optional: true },
  { key: 'erdfPublic', label: 'ERDF rate public', note: '', synonyms: ['Interreg funds rate public', 'Co-financing rate public'], kind: 'percent', optional: false },
  { key: 'erdfPrivate', label: 'ERDF rate private non-profit', note: '', synonyms: ['Interreg funds rate private non-profit', 'Co-financing rate private non-profit'], kind: 'percent', optional: false },
  { key: 'erdfNorwegian', label: 'ERDF rate norwegian', note: 'Norwegian national funds', synonyms: ['Interreg funds rate norwegian', 'Co-financing rate norwegian'], kind: 'percent', optional: false },
  { key: 'preparationMax', label: 'Preparation costs at most', note: 'EUR; lead partner only', synonyms: [], kind: 'amount', optional: true },
  { key: 'equipmentMax', label: 'Equipment across the partnership at most', note: 'EUR; a warning', synonyms: [], kind: 'amount', optional: true },
  { key: 'flexibilityBp', label: 'Partner budget flexibility', note: '% above its budget before it is an error', synonyms: [], kind: 'percent', optional: false },
  { key: 'countries', label: 'Partner countries', note: 'two-letter codes, EU style', synonyms: [], kind: 'countries', optional: false },
  { key: 'budgetLines', label: 'Budget lines', note: 'the lines a budget sheet may have', synonyms: [], kind: 'lines', optional: false },
];

/** The label with its note, as the template writes it: 'Preparation costs at most (EUR; lead partner only)'. */
export function fullLabel(d: RuleDefinition): string {
  return d.note ? `${d.label} (${d.note})` : d.label;
}

const BY_NAME = new Map<string, RuleDefinition>();
for (const d of RULE_DEFINITIONS) for (const name of [d.label, fullLabel(d), ...d.synonyms]) BY_NAME.set(normalizeLabel(name), d);

/** The rule a Rules table's Rule cell names: the words before the brackets, matched as labels are; null when none. */
export function ruleNamed(text: string): RuleDefinition | null {
  return BY_NAME.get(normalizeLabel(text)) ?? BY_NAME.get(normalizeLabel(text.split('(')[0])) ?? null;
}

export function ruleValue(rules: ProgrammeRules, key: RuleKey): RuleValue {
  switch (key) {
    case 'erdfPublic':
      return rules.erdfRateBpByStatus.public;
    case 'erdfPrivate':
      return rules.erdfRateBpByStatus['private non-profit'];
    case 'erdfNorwegian':
      return rules.erdfRateBpByStatus.norwegian;
    default:
      return rules[key];
  }
}

/** A copy of `rules` with one value replaced. */
export function withRuleValue(rules: ProgrammeRules, key: RuleKey, value: RuleValue): ProgrammeRules {
  const status = key === 'erdfPublic' ? 'public' : key === 'erdfPrivate' ? 'private non-profit' : key === 'erdfNorwegian' ? 'norwegian' : null;
  if (status) return { ...rules, erdfRateBpByStatus: { ...rules.erdfRateBpByStatus, [status]: value as number } };
  return { ...rules, [key]: value };
}

/** A rate in basis points of a percent as people write it: 8500 → '85%', 1250 → '12.5%'. */
export function showPercent(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}

/** A value as people read it: '15%', 'EUR 15,000.00', 'not checked', 'AT, BE…', the lines' names. */
export function showRuleValue(d: RuleDefinition, value: RuleValue): string {
  if (value === null) return d.key === 'travelRateBp' ? 'blank: real costs, not checked' : 'blank: not checked';
  switch (d.kind) {
    case 'percent':
      return showPercent(value as number);
    case 'amount':
      return `EUR ${formatEur(value as Cents)}`;
    case 'countries':
      return (value as readonly string[]).join(', ');
    case 'lines':
      return (value as readonly BudgetLineKey[]).map((k) => BUDGET_LINE_NAMES[k]).join(', ');
  }
}

/** The value as the template writes it in a cell: a number for rates and amounts, a list as text, null when blank. */
export function cellValueOf(d: RuleDefinition, value: RuleValue): number | string | null {
  if (value === null) return null;
  if (d.kind === 'percent') return (value as number) / 10000;
  if (d.kind === 'amount') return (value as number) / 100;
  return showRuleValue(d, value);
}

const NONE = new Set(['none', 'no', 'nolimit', 'notchecked', 'realcosts', 'na', 'blank']);

const LINE_BY_LABEL = new Map<string, BudgetLineKey>();
for (const key of BUDGET_LINE_KEYS) for (const label of BUDGET_LINE_LABELS[key]) LINE_BY_LABEL.set(normalizeLabel(label), key);

/** A Rules table cell's value read for one rule: `undefined` when it cannot be read (then `expected` says what would be). */
export function readRuleCell(d: RuleDefinition, raw: unknown): { value: RuleValue } | { value: undefined; expected: string } {
  const fail = { value: undefined, expected: expectedOf(d) };
  if (typeof raw === 'string' && d.optional && (NONE.has(normalizeLabel(raw)) || raw.trim() === '-')) return { value: null };
  switch (d.kind) {
    case 'percent': {
      let x: number | null = null;
      if (typeof raw === 'number') x = raw > 1 ? raw / 100 : raw;
      else if (typeof raw === 'string') {
        const m = /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(raw);
        if (m) {
          const n = Number(m[1].replace(',', '.'));
          x = m[2] || n > 1 ? n / 100 : n;
        }
      }
      if (x === null || !Number.isFinite(x) || x < 0 || x > 1) return fail;
      return { value: Math.round(x * 10000) };
    }
    case 'amount': {
      if (typeof raw === 'number') {
        const { cents, twoDecimals } = numberToCents(raw);
        return twoDecimals && cents >= 0 ? { value: cents } : fail;
      }
      const parsed = typeof raw === 'string' ? parseNumericText(raw) : null;
      return parsed && parsed.twoDecimals && parsed.cents >= 0 ? { value: parsed.cents as Cents } : fail;
    }
    case 'countries': {
      if (typeof raw !== 'string') return fail;
      const codes = raw.split(/[\s,;/]+/).filter((t) => t !== '').map((t) => t.toUpperCase());
      return codes.length > 0 && codes.every((c) => /^[A-Z]{2}$/.test(c)) ? { value: [...new Set(codes)] } : fail;
    }
    case 'lines': {
      if (typeof raw !== 'string') return fail;
      const keys = raw.split(/[,;\n]+/).map((t) => t.trim()).filter((t) => t !== '').map((t) => LINE_BY_LABEL.get(normalizeLabel(t)));
      if (keys.length === 0 || keys.some((k) => k === undefined)) return fail;
      return { value: BUDGET_LINE_KEYS.filter((k) => keys.includes(k)) };
    }
  }
}

function expectedOf(d: RuleDefinition): string {
  const blank = d.optional ? ', or none' : '';
  switch (d.kind) {
    case 'percent':
      return `a rate (15% or 0.15)${blank}`;
    case 'amount':
      return `an amount in EUR (15000)${blank}`;
    case 'countries':
      return 'country codes separated by commas (AT, BE, NO)';
    case 'lines':
      return `budget lines separated by commas (${BUDGET_LINE_KEYS.map((k) => BUDGET_LINE_NAMES[k]).join(', ')})`;
  }
}
