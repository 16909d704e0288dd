/** Money is integer euro cents end to end; this is the one place that formats EUR for people. */
export type Cents = number & { readonly __brand: 'Cents' };

export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new Error(`not a whole number of cents: ${n}`);
  return n as Cents;
}

/** Whole euros to cents. */
export function euros(n: number): Cents {
  return cents(Math.round(n * 100));
}

export function sumCents(xs: Iterable<Cents>): Cents {
  let s = 0;
  for (const x of xs) s += x;
  return s as Cents;
}

/** A number of euros (as read from a cell) to cents, and whether it had at most two decimals. */
export function numberToCents(x: number): { cents: Cents; twoDecimals: boolean } {
  const c = roundToCents(x);
  return { cents: c, twoDecimals: hasTwoDecimals(x, c) };
}

/** numberToCents's cents, without an object (the parser's hot path). */
export function roundToCents(x: number): Cents {
  return Math.round(x * 100) as Cents;
}

/** numberToCents's twoDecimals: `x` euros were `cents` to within rounding error. */
export function hasTwoDecimals(x: number, cents: Cents): boolean {
  return Math.abs(x * 100 - cents) < 1e-6;
}

/** cents × rate, where rate is in basis points of a percent (8500 = 85%), rounded down to the cent. */
export function applyRateDown(amount: Cents, rateBp: number): Cents {
  return Math.floor((amount * rateBp) / 10000) as Cents;
}

/** cents × rate, rounded to the nearest cent (half up). */
export function applyRateNearest(amount: Cents, rateBp: number): Cents {
  return Math.round((amount * rateBp) / 10000) as Cents;
}

/** For JSON and cells: cents as a EUR number with at most two decimals. */
export function toEuroNumber(c: Cents): number {
  return c / 100;
}

/** "2,126,574.00" — the form used in messages. */
export function formatEur(c: Cents): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % 100).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}
