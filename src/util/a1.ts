/** A1 addresses from 0-based row and column, and back. */
function lettersOf(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters made once per column: every cell reference of the engine asks for them. */
const LETTERS: string[] = [];
const LETTERS_CACHED = 16384; // Excel's columns (A..XFD)

export function columnLetters(col: number): string {
  if ((col | 0) !== col || col < 0 || col >= LETTERS_CACHED) return lettersOf(col);
  while (LETTERS.length <= col) LETTERS.push(lettersOf(LETTERS.length));
  return LETTERS[col];
}

/**
 * Addresses of the top-left of a sheet, made once: every budget sheet has its cells at the same few addresses, so
 * the model's thousands of cell references share these strings.
 */
const A1_ROWS = 4096;
const A1_COLS = 64;
const A1_CACHE: ((string | undefined)[] | undefined)[] = [];

export function a1(row: number, col: number): string {
  if ((row | 0) !== row || (col | 0) !== col || row < 0 || col < 0 || row >= A1_ROWS || col >= A1_COLS) return columnLetters(col) + (row + 1);
  let cached = A1_CACHE[row];
  if (cached === undefined) {
    while (A1_CACHE.length < row) A1_CACHE.push(undefined);
    A1_CACHE[row] = cached = [];
  }
  let s = cached[col];
  if (s === undefined) {
    while (cached.length < col) cached.push(undefined);
    s = cached[col] = columnLetters(col) + (row + 1);
  }
  return s;
}

export function parseA1(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(addr.trim());
  if (!m) throw new Error(`not an A1 address: ${addr}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const QUOTED = new Map<string, string>();

/** A sheet name as a formula needs it: quoted when not a plain identifier, apostrophes doubled. */
export function quoteSheet(name: string): string {
  // Every live formula names its sheets: each name is looked at once.
  let q = QUOTED.get(name);
  if (q === undefined) {
    q = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
    if (QUOTED.size >= 10_000) QUOTED.clear();
    QUOTED.set(name, q);
  }
  return q;
}

export function ref(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}
