/** Office's theme → Fluent's light or dark theme, by how dark the pane's body background is. */
export function isDarkBackground(color: string | undefined | null): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  // Relative luminance (sRGB weights); below the midpoint the pane needs light text.
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}
