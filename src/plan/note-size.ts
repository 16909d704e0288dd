/** The box a note needs for its text (both faces size our notes the same way): four columns wide, lines of 9 pt. */
export const NOTE_CHARS_PER_LINE = 48;
export const NOTE_WIDTH_PT = 250;
const LINE_PT = 12;
const PADDING_PT = 10;

export function noteLines(text: string): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / NOTE_CHARS_PER_LINE)), 0);
}

export function noteBox(text: string): { width: number; height: number } {
  return { width: NOTE_WIDTH_PT, height: Math.min(400, noteLines(text) * LINE_PT + PADDING_PT) };
}
