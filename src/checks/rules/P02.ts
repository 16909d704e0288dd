import type { CellRef, Located, Period } from '../../model/types';
import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';
import { addDays, endAfterMonths, type CalendarDate } from '../../util/dates';

function lengthOk(start: Located<CalendarDate>, end: Located<CalendarDate>, months: Located<number>): { expected: CalendarDate } | null {
  if (!start.value || !end.value || months.value === null || !Number.isInteger(months.value) || months.value <= 0) return null;
  return { expected: endAfterMonths(start.value, months.value) };
}

function endFinding(what: string, start: CalendarDate, end: Located<CalendarDate>, months: number, expected: CalendarDate): Finding {
  return finding('P02', 'error', end.at, `${what} ends ${end.value}; ${months} months from ${start} end on ${expected}`, { expected, actual: end.value as string });
}

/** Periods in their order: by number where every period has one, else as listed. */
function ordered(periods: Period[]): Period[] {
  return periods.every((p) => p.number !== null) ? [...periods].sort((a, b) => (a.number as number) - (b.number as number)) : periods;
}

function sameDay(field: Located<CalendarDate> | null, expected: CalendarDate | null, message: (given: string) => string): Finding[] {
  if (!field?.value || !expected || field.value === expected) return [];
  return [finding('P02', 'error', field.at as CellRef, message(field.value), { expected, actual: field.value })];
}

export const P02: Rule = {
  id: 'P02',
  title: 'Project, phase and period dates',
  severity: 'error',
  explanation: {
    what: 'Every phase and period ends the day before its start plus its months; periods follow each other with no gap or overlap; the project runs from the first period\'s start to the last period\'s end.',
    why: 'Reporting periods are counted in whole months from the project start (a 6-month period from 1 April ends on 30 September); a gap or overlap leaves expenditure outside any period or in two.',
    fix: 'Correct the end date (or the months) of the period or phase named; make each period start the day after the previous one ends.',
  },
  run({ model }) {
    const project = model.project;
    if (!project) return [];
    const out: Finding[] = [];
    for (const ph of project.phases) {
      const ok = lengthOk(ph.start, ph.end, ph.months);
      if (ok && ok.expected !== ph.end.value) out.push(endFinding(`Phase ${ph.label}`, ph.start.value as CalendarDate, ph.end, ph.months.value as number, ok.expected));
    }
    const periods = ordered(project.periods);
    let prevEnd: CalendarDate | null = null;
    let prevOk = true;
    for (const p of periods) {
      const name = /^\d+$/.test(p.label) ? `P${p.label}` : p.label || `Period ${p.number ?? '?'}`;
      const ok = lengthOk(p.start, p.end, p.months);
      const wantStart = prevEnd ? addDays(prevEnd, 1) : null;
      const startOff = wantStart !== null && p.start.value !== null && p.start.value !== wantStart;
      // A start typed wrong on its own: the end still fits the start it should have had, so name the start only.
      const endFitsWantedStart = startOff && p.months.value !== null && p.end.value === endAfterMonths(wantStart as CalendarDate, p.months.value);
      const endOff = ok !== null && ok.expected !== p.end.value && !endFitsWantedStart;
      if (startOff && (endFitsWantedStart || prevOk)) {
        const how = (p.start.value as CalendarDate) > (wantStart as CalendarDate) ? 'a gap after' : 'an overlap with';
        out.push(finding('P02', 'error', p.start.at, `${name} starts ${p.start.value}, leaving ${how} the previous period, which ends ${prevEnd}: it should start ${wantStart}`, { expected: wantStart as string, actual: p.start.value as string }));
      }
      if (endOff && ok) out.push(endFinding(name, p.start.value as CalendarDate, p.end, p.months.value as number, ok.expected));
      prevEnd = p.end.value;
      prevOk = !endOff;
    }
    const first = periods[0]?.start.value ?? null;
    const last = periods[periods.length - 1]?.end.value ?? null;
    out.push(...sameDay(project.start, first, (g) => `Project start ${g} differs from the first period's start ${first}`));
    out.push(...sameDay(project.end, last, (g) => `Project end ${g} differs from the last period's end ${last}`));
    return out;
  },
};
