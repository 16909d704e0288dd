/**
 * The marks' fills can be told apart: the error red at least 3:1 (WCAG relative luminance) against the warning and
 * the info fill, which differ in hue; each at least 4.5:1 against black text; none close to the template's fills or
 * Excel's usual input, good, bad and neutral fills.
 */
import { MARK_FILL, HIGHLIGHT_FILL } from '../../src/plan/types';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const distance = (a: string, b: string) => Math.hypot(...[1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)));

/** The template's header, input and total fills (both faces), and Excel's Input, Good, Bad, Neutral and light yellow. */
const OTHER_FILLS = ['#D9E1F2', '#DDEBF7', '#FFF2CC', '#EDEDED', '#F2F2F2', '#FFCC99', '#C6EFCE', '#FFC7CE', '#FFEB9C', '#FFFFCC', '#FFFFFF'];

test('error stands 3:1 from warning and info; warning and info differ in hue', () => {
  expect(contrast(MARK_FILL.error, MARK_FILL.warning)).toBeGreaterThanOrEqual(3);
  expect(contrast(MARK_FILL.error, MARK_FILL.info)).toBeGreaterThanOrEqual(3);
  expect(distance(MARK_FILL.warning, MARK_FILL.info)).toBeGreaterThan(150);
});

test('black text stays readable on every mark', () => {
  for (const fill of Object.values(MARK_FILL)) expect(contrast(fill, '#000000')).toBeGreaterThanOrEqual(4.5);
});

test('no mark looks like a template or common input fill, nor like the report\'s own fills', () => {
  for (const fill of Object.values(MARK_FILL)) {
    for (const other of OTHER_FILLS) expect([fill, other, distance(fill, other) >= 40]).toEqual([fill, other, true]);
    for (const own of [HIGHLIGHT_FILL.notLive, HIGHLIGHT_FILL.current, HIGHLIGHT_FILL.notDue]) expect(distance(fill, own)).toBeGreaterThanOrEqual(40);
  }
});
