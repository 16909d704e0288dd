/**
 * The workbook part changed for our sheets: <sheet> entries taken away and added (with their relationships,
 * parts and content types), sheet-scoped defined names renumbered, print titles of our tabs, the active tab
 * kept on a sheet that exists and is visible. The calculation chain goes when sheets go (Excel rebuilds it;
 * a chain naming a sheet no longer there is what makes Excel repair a file).
 */
import { attr, elements, section } from '../../../snapshot/package/styles';
import { escapeXml } from '../../../snapshot/package/xml';
import type { SheetVisibility } from '../../../snapshot/types';
import { CONTENT_TYPE, REL, type PackageEdit } from './parts';
import { setAttr } from './styles-edit';

interface SheetEntry {
  xml: string;
  name: string;
  relId: string;
  visibility: SheetVisibility;
}

const STATE: Record<SheetVisibility, string> = { Visible: '', Hidden: ' state="hidden"', VeryHidden: ' state="veryHidden"' };

export class WorkbookEdit {
  private xml: string;
  private readonly prefix: string;
  private sheets: SheetEntry[];
  /** Defined names as XML, in order. */
  private names: string[];
  private removedAny = false;

  constructor(
    private readonly edit: PackageEdit,
    private readonly part: string,
  ) {
    this.xml = edit.text(part)!;
    this.prefix = /<(\w+:)?workbook\b/.exec(this.xml)?.[1] ?? '';
    const s = section(this.xml, 'sheets');
    this.sheets = (s ? elements(this.xml.slice(s.innerStart, s.innerEnd), 'sheet') : []).map((x) => ({
      xml: x,
      name: attr(x, 'name') ?? '',
      relId: /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(x)?.[1] ?? '',
      visibility: attr(x, 'state') === 'hidden' ? 'Hidden' : attr(x, 'state') === 'veryHidden' ? 'VeryHidden' : 'Visible',
    }));
    const d = section(this.xml, 'definedNames');
    this.names = d ? elements(this.xml.slice(d.innerStart, d.innerEnd), 'definedName') : [];
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  find(name: string): SheetEntry | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  /** A sheet's part, by its relationship. */
  partOf(name: string): string | null {
    const s = this.find(name);
    const rel = s ? this.edit.rels(this.part).find((r) => r.id === s.relId) : undefined;
    return rel && !rel.external ? this.edit.target(this.part, rel) : null;
  }

  /** Takes a sheet away with its part, the part's own relationships and what only it points to. */
  remove(name: string): void {
    this.removeMany([name]);
  }

  /**
   * Takes sheets away at once (a partner's workbook drops all but three of hundreds): their parts, the parts'
   * own relationships and every part that only the parts going point to (a picture another sheet shows stays),
   * in one pass over the package's relationships, the content types and the defined names.
   */
  removeMany(names: Iterable<string>): void {
    const gone = new Set([...names].map((n) => n.toLowerCase()));
    const indices = this.sheets.flatMap((s, i) => (gone.has(s.name.toLowerCase()) ? [i] : []));
    if (indices.length === 0) return;
    const wbRels = new Map(this.edit.rels(this.part).map((r) => [r.id, r]));
    const roots = indices.flatMap((i) => {
      const rel = wbRels.get(this.sheets[i].relId);
      return rel && !rel.external ? [this.edit.target(this.part, rel)] : [];
    });
    // Who points to each part (every relationships part of the package, read once).
    const sources = new Map<string, Set<string>>();
    for (const n of this.edit.names()) {
      if (!n.endsWith('.rels')) continue;
      const source = n.replace(/_rels\/([^/]+)\.rels$/, '$1');
      for (const r of this.edit.rels(source)) {
        if (r.external) continue;
        const t = this.edit.target(source, r);
        const set = sources.get(t) ?? new Set<string>();
        set.add(source);
        sources.set(t, set);
      }
    }
    const removed = new Set<string>();
    const queue = roots.filter((r) => this.edit.has(r));
    for (const r of queue) removed.add(r);
    while (queue.length > 0) {
      const part = queue.pop()!;
      for (const r of this.edit.rels(part)) {
        if (r.external) continue;
        const t = this.edit.target(part, r);
        if (removed.has(t) || !this.edit.has(t)) continue;
        // A part still pointed to by a part that stays (a shared image) stays.
        if ([...(sources.get(t) ?? [])].every((s) => removed.has(s))) {
          removed.add(t);
          queue.push(t);
        }
      }
    }
    for (const part of removed) {
      this.edit.delete(part);
      const relsPart = part.replace(/([^/]+)$/, '_rels/$1.rels');
      if (this.edit.has(relsPart)) this.edit.delete(relsPart);
    }
    this.edit.undeclare(removed);
    this.edit.removeRels(this.part, new Set(indices.map((i) => this.sheets[i].relId)));
    const at = new Set(indices);
    this.sheets = this.sheets.filter((_, i) => !at.has(i));
    // Names scoped to a sheet that went go; names scoped to later sheets move down by the sheets gone before them.
    this.names = this.names.flatMap((n) => {
      const local = attr(n, 'localSheetId');
      if (local === undefined) return [n];
      const k = Number(local);
      if (at.has(k)) return [];
      const before = indices.filter((i) => i < k).length;
      return [before > 0 ? setAttr(n, 'localSheetId', String(k - before)) : n];
    });
    this.removedAny = true;
  }

  /** Appends a sheet whose part `part` is already in the package. */
  add(name: string, part: string, visibility: SheetVisibility, printTitles: string | null): void {
    const relId = this.edit.addRel(this.part, REL.worksheet, part);
    this.edit.declare(part, CONTENT_TYPE.worksheet);
    const ids = this.sheets.map((s) => Number(attr(s.xml, 'sheetId') ?? 0));
    const sheetId = Math.max(0, ...ids) + 1;
    const p = this.prefix;
    this.sheets.push({ xml: `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${STATE[visibility]} r:id="${relId}"/>`, name, relId, visibility });
    if (printTitles) this.names.push(`<${p}definedName name="_xlnm.Print_Titles" localSheetId="${this.sheets.length - 1}">${escapeXml(printTitles)}</${p}definedName>`);
  }

  /** Writes the workbook part (and drops the calculation chain when sheets went). */
  save(): void {
    const p = this.prefix;
    let xml = this.xml;
    if (!/xmlns:r\s*=/.test(/<(\w+:)?workbook\b[^>]*>/.exec(xml)![0])) {
      xml = xml.replace(/<(\w+:)?workbook\b/, (m) => `${m} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
    }
    const s = section(xml, 'sheets')!;
    xml = xml.slice(0, s.start) + `<${p}sheets>${this.sheets.map((x) => x.xml).join('')}</${p}sheets>` + xml.slice(s.end);
    const names = this.names.length ? `<${p}definedNames>${this.names.join('')}</${p}definedNames>` : '';
    const d = section(xml, 'definedNames');
    if (d) xml = xml.slice(0, d.start) + names + xml.slice(d.end);
    else if (names) {
      const after = section(xml, 'externalReferences') ?? section(xml, 'functionGroups') ?? section(xml, 'sheets')!;
      xml = xml.slice(0, after.end) + names + xml.slice(after.end);
    }
    xml = this.fixActiveTab(xml);
    if (xml !== this.edit.text(this.part)) this.edit.set(this.part, xml);
    if (this.removedAny) this.dropCalcChain();
  }

  private fixActiveTab(xml: string): string {
    const m = /<(\w+:)?workbookView\b[^>]*?\/?>/.exec(xml);
    if (!m) return xml;
    const active = Number(attr(m[0], 'activeTab') ?? 0);
    const first = Number(attr(m[0], 'firstSheet') ?? 0);
    let tag = m[0];
    if (!(active < this.sheets.length && this.sheets[active].visibility === 'Visible')) {
      const firstVisible = Math.max(0, this.sheets.findIndex((s) => s.visibility === 'Visible'));
      tag = setAttr(tag, 'activeTab', String(firstVisible));
    }
    if (first >= this.sheets.length) tag = setAttr(tag, 'firstSheet', '0');
    return tag === m[0] ? xml : xml.slice(0, m.index) + tag + xml.slice(m.index + m[0].length);
  }

  /** Takes the calculation chain away (Excel rebuilds it): after sheets went, or values changed under formulas. */
  dropCalcChain(): void {
    const rel = this.edit.rels(this.part).find((r) => r.type.endsWith('/calcChain'));
    if (!rel) return;
    const part = this.edit.target(this.part, rel);
    this.edit.delete(part);
    this.edit.undeclare(new Set([part]));
    this.edit.removeRels(this.part, new Set([rel.id]));
  }
}
