/** Nothing in the product runs text as code or talks to the network: the workbook's data is only ever data. */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|js)$/.test(n) ? [p] : [];
  });
}

const FORBIDDEN: [string, RegExp][] = [
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function constructor by name', /\bFunction\s*\(\s*['"`]/],
  ['fetch', /\bfetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['node http/https/net', /(from\s+|require\(\s*)['"](node:)?(https?|net|tls|dgram|http2)['"]/],
  ['child_process', /['"](node:)?child_process['"]/],
  ['vm', /(from\s+|require\(\s*)['"](node:)?vm['"]/],
  ['setTimeout with a string', /setTimeout\s*\(\s*['"`]/],
];

test('src has no eval, no Function constructor, no network and no child processes', () => {
  const all = files(SRC);
  expect(all.length).toBeGreaterThan(50);
  const hits: string[] = [];
  for (const f of all) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return; // comments may name them
      for (const [what, re] of FORBIDDEN) if (re.test(line)) hits.push(`${relative(SRC, f)}:${i + 1}: ${what}`);
    });
  }
  expect(hits).toEqual([]);
});
