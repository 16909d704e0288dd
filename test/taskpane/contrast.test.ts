/** Severity cues in the pane: at least 3:1 against the pane's background in Fluent's light and dark themes (WCAG 1.4.11). */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { CUE_TOKEN } from '../../src/taskpane/components/severity';

function luminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => lin(c / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('the WCAG ratio this test uses: black on white is 21:1, the old pink mark fill on white about 1.5:1', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#FFC7CE', '#ffffff')).toBeLessThan(1.6);
});

test.each([
  ['light', webLightTheme],
  ['dark', webDarkTheme],
])('every kind’s cue stands at 3:1 or more on the %s theme’s background', (_, theme: Theme) => {
  for (const [kind, token] of Object.entries(CUE_TOKEN)) {
    const ratio = contrast(String(theme[token]), String(theme.colorNeutralBackground1));
    expect({ kind, ok: ratio >= 3 }).toEqual({ kind, ok: true });
  }
});
