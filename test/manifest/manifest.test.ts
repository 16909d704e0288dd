/** manifest.xml read offline: resources resolve, commands exist in code, icons are there at their sizes, all https. */
import * as fs from 'fs';
import * as path from 'path';
import { parseXml, descendants, localName, type XmlElement } from './xml';

const ROOT = path.resolve(__dirname, '../..');
const DEV_BASE = 'https://localhost:3000';
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const manifest = parseXml(xml);
const all = descendants(manifest);
const named = (name: string) => all.filter((e) => localName(e) === name);
const one = (name: string): XmlElement => {
  const found = named(name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
};

type Kind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
function resources(kind: Kind): Map<string, string> {
  const table = one('Resources').children.find((c) => localName(c) === kind);
  return new Map((table?.children ?? []).map((r) => [r.attrs.id, r.attrs.DefaultValue]));
}
// Which resource table a resid points into, by the element that carries it.
const KIND_OF: Record<string, Kind> = {
  Image: 'Images',
  Runtime: 'Urls',
  FunctionFile: 'Urls',
  SourceLocation: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};
const withResid = all.filter((e) => e.attrs.resid !== undefined);

/** The repository file a URL of the dev site is built from. */
const SOURCE_OF_PAGE: Record<string, string> = { 'taskpane.html': 'src/taskpane/taskpane.html', 'help.html': 'src/taskpane/help.html' };
function sourceFile(url: string): string {
  expect(url.startsWith(`${DEV_BASE}/`)).toBe(true);
  const rel = url.slice(DEV_BASE.length + 1);
  return path.join(ROOT, SOURCE_OF_PAGE[rel] ?? rel);
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  test('is an Excel task pane add-in needing ExcelApi 1.12 and the shared runtime', () => {
    expect(localName(manifest)).toBe('OfficeApp');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(one('Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one('Version').text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(named('Host').map((h) => h.attrs.Name ?? h.attrs['xsi:type'])).toEqual(['Workbook', 'Workbook']);
    const sets = Object.fromEntries(named('Set').map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(sets).toEqual({ ExcelApi: '1.12', SharedRuntime: '1.1' });
    expect(one('Permissions').text.trim()).toBe('ReadWriteDocument');
  });

  test('every resid resolves in the right resource table, and every resource is used', () => {
    expect(withResid.length).toBeGreaterThan(20);
    const used = new Set<string>();
    for (const el of withResid) {
      const kind = KIND_OF[localName(el)];
      expect([localName(el), kind]).toEqual([localName(el), expect.any(String)]);
      expect([el.attrs.resid, resources(kind).has(el.attrs.resid)]).toEqual([el.attrs.resid, true]);
      expect(el.attrs.resid.length).toBeLessThanOrEqual(32);
      used.add(`${kind}:${el.attrs.resid}`);
    }
    for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as Kind[]) {
      for (const id of resources(kind).keys()) expect(used.has(`${kind}:${id}`) ? id : `${id} unused`).toBe(id);
    }
  });

  test('strings fit Office limits (short 125, long 250 characters)', () => {
    for (const s of resources('ShortStrings').values()) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of resources('LongStrings').values()) expect(s.length).toBeLessThanOrEqual(250);
  });

  test('pane, function file and runtime are one page: the shared runtime', () => {
    const urls = resources('Urls');
    const runtime = one('Runtime');
    expect(runtime.attrs.lifetime).toBe('long');
    const page = urls.get(runtime.attrs.resid);
    expect(page).toBe(`${DEV_BASE}/taskpane.html`);
    expect(urls.get(one('FunctionFile').attrs.resid)).toBe(page);
    const paneSources = named('SourceLocation').filter((s) => s.attrs.resid).map((s) => urls.get(s.attrs.resid));
    expect(paneSources).toEqual([page]);
    expect(named('SourceLocation').find((s) => s.attrs.DefaultValue)?.attrs.DefaultValue).toBe(page);
  });

  test('the ribbon group holds Consolidate (a function) and Open pane, with unique ids', () => {
    const controls = named('Control');
    expect(controls.map((c) => c.attrs.id)).toEqual(['Clusterix.Consolidate', 'Clusterix.OpenPane']);
    const actions = named('Action').map((a) => a.attrs['xsi:type']);
    expect(actions).toEqual(['ExecuteFunction', 'ShowTaskpane']);
    const ids = all.filter((e) => e.attrs.id && localName(e) !== 'String' && localName(e) !== 'Url' && localName(e) !== 'Image').map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every FunctionName is associated in src/commands', () => {
    const code = fs.readdirSync(path.join(ROOT, 'src/commands'))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => fs.readFileSync(path.join(ROOT, 'src/commands', f), 'utf8'))
      .join('\n');
    const names = named('FunctionName').map((f) => f.text.trim());
    expect(names).toEqual(['consolidate']);
    for (const name of names) expect(code).toMatch(new RegExp(`Office\\.actions\\.associate\\(\\s*['"]${name}['"]`));
  });

  test('every icon exists in assets/ at the size the manifest declares', () => {
    const images = resources('Images');
    const declared: { url: string; size: number }[] = [
      ...named('Image').filter((i) => i.attrs.resid).map((i) => ({ url: images.get(i.attrs.resid)!, size: Number(i.attrs.size) })),
      { url: one('IconUrl').attrs.DefaultValue, size: 64 },
      { url: one('HighResolutionIconUrl').attrs.DefaultValue, size: 128 },
    ];
    expect(new Set(declared.map((d) => d.size))).toEqual(new Set([16, 32, 64, 80, 128]));
    for (const { url, size } of declared) {
      const file = sourceFile(url);
      expect(path.relative(ROOT, file)).toBe(`assets/icon-${size}.png`);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test('every URL is https on the one dev site, and each page exists', () => {
    const urls = [
      ...all.filter((e) => e.attrs.DefaultValue?.includes('://')).map((e) => e.attrs.DefaultValue),
      ...named('AppDomain').map((e) => e.text.trim()),
    ];
    expect(urls.length).toBe(10);
    expect(xml.match(/http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/g)).toBeNull();
    for (const url of urls) {
      expect(url.startsWith(DEV_BASE)).toBe(true);
      if (url !== DEV_BASE) expect(fs.existsSync(sourceFile(url))).toBe(true);
    }
  });
});

describe('the built manifest (webpack.config.js)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpackConfig = require('../../webpack.config.js') as {
    baseUrl(env: Record<string, string | undefined>): string;
    manifestFor(xml: string, url: string): string;
  };

  test('takes ADDIN_BASE_URL (trailing slash dropped) for every URL, and no localhost is left', () => {
    const base = webpackConfig.baseUrl({ ADDIN_BASE_URL: 'https://addins.example.eu/clusterix/' });
    expect(base).toBe('https://addins.example.eu/clusterix');
    const built = parseXml(webpackConfig.manifestFor(xml, base));
    const images = descendants(built).filter((e) => localName(e) === 'Image' && e.attrs.DefaultValue);
    expect(images.map((i) => i.attrs.DefaultValue)).toEqual([
      'https://addins.example.eu/clusterix/assets/icon-16.png',
      'https://addins.example.eu/clusterix/assets/icon-32.png',
      'https://addins.example.eu/clusterix/assets/icon-80.png',
    ]);
    expect(webpackConfig.manifestFor(xml, base)).not.toContain('localhost');
    expect(descendants(built).find((e) => localName(e) === 'AppDomain')?.text.trim()).toBe('https://addins.example.eu/clusterix');
  });

  test('keeps the dev site without ADDIN_BASE_URL, and refuses a plain-http base', () => {
    expect(webpackConfig.baseUrl({})).toBe(DEV_BASE);
    expect(() => webpackConfig.baseUrl({ ADDIN_BASE_URL: 'http://intranet/addin' })).toThrow(/https/);
  });
});
