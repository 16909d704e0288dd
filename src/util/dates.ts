/** Calendar dates as 'YYYY-MM-DD' strings: no time zone can shift them. */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

const DAY_MS = 86400000;
/** Excel's day 0 in the 1900 system, counting its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function calendarDate(y: number, m: number, d: number): CalendarDate | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as CalendarDate;
}

export function parts(d: CalendarDate): { y: number; m: number; d: number } {
  return { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Excel serial (1900 system) to a calendar date; the fraction (time of day) is dropped. */
export function fromSerial(serial: number): CalendarDate | null {
  // Excel's dates run from 1900-01-01 (serial 1) to 9999-12-31 (serial 2958465).
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null; // 1900-02-29 does not exist
  const dayNo = whole < 60 ? whole + 1 : whole;
  const dt = new Date(EXCEL_EPOCH_UTC + dayNo * DAY_MS);
  return calendarDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function toSerial(d: CalendarDate): number {
  const { y, m, d: day } = parts(d);
  const serial = Math.round((Date.UTC(y, m - 1, day) - EXCEL_EPOCH_UTC) / DAY_MS);
  return serial <= 60 ? serial - 1 : serial;
}

/** Text in ISO (2019-04-01) or day-first form (01/04/2019, 01.04.2019, 1-4-2019). */
export function parseDateText(text: string): CalendarDate | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return calendarDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return calendarDate(+m[3], +m[2], +m[1]);
  return null;
}

export function addDays(d: CalendarDate, n: number): CalendarDate {
  const { y, m, d: day } = parts(d);
  const dt = new Date(Date.UTC(y, m - 1, day) + n * DAY_MS);
  return calendarDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()) as CalendarDate;
}

/** Same day n months later, clamped to the month's end (2019-01-31 + 1 = 2019-02-28). */
export function addMonths(d: CalendarDate, n: number): CalendarDate {
  const { y, m, d: day } = parts(d);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return calendarDate(ny, nm, Math.min(day, daysInMonth(ny, nm))) as CalendarDate;
}

/** The day before start + months: the end of a period that lasts `months` months. */
export function endAfterMonths(start: CalendarDate, months: number): CalendarDate {
  return addDays(addMonths(start, months), -1);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The local calendar day of a moment, 'YYYY-MM-DD' (when a person accepted a warning, in their own day). */
export function localDate(at: Date): CalendarDate {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}` as CalendarDate;
}
