/** What the parser met on its way: the facts the T01/T02/T03/B06 checks turn into findings. */
import type { CellIssue, CellRef, Duplicate, Missing } from '../model/types';

export class ReadLog {
  readonly cellIssues: CellIssue[] = [];
  readonly missing: Missing[] = [];
  readonly duplicates: Duplicate[] = [];
  private readonly seen = new Set<string>();

  issue(i: CellIssue): void {
    const key = `${i.kind}|${i.at.sheet}|${i.at.cell}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.cellIssues.push(i);
  }

  missingThing(what: string, sheet: string | null, cell: string | null = null): void {
    this.missing.push({ what, sheet, cell });
  }

  duplicate(what: string, at: CellRef, first: CellRef): void {
    this.duplicates.push({ what, at, first });
  }
}
