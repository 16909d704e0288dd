/** The zip layer of the package reader and writer, against JSZip as an independent zip implementation. */
import JSZip from 'jszip';
import { inflateEntry, readZip, writeZip } from '../../src/snapshot/package/zip';
import { specToPackage } from '../../src/apply/xlsx/package/new-package';
import { buildSample } from '../../src/template';
import { UserError } from '../../src/util/errors';

describe('the zip layer', () => {
  it('reads every entry exactly as JSZip does, stored and deflated', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a>stored</a>', { compression: 'STORE' });
    zip.file('b.xml', '<b>deflated</b>'.repeat(50), { compression: 'DEFLATE' });
    zip.file('xl/worksheets/sheet1.xml', '<worksheet>Ünïcode ✓</worksheet>', { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const entries = readZip(bytes, 'z.zip');
    expect([...entries.keys()].filter((n) => !n.endsWith('/'))).toEqual(['a.xml', 'b.xml', 'xl/worksheets/sheet1.xml']);
    for (const [name, e] of entries) if (!name.endsWith('/')) expect(Buffer.from(inflateEntry(e, 'z.zip')).toString('utf8')).toBe(await zip.file(name)!.async('string'));
  });

  it('writes an archive JSZip reads back, copied entries keeping their compressed bytes', async () => {
    const first = writeZip([
      { name: '[Content_Types].xml', bytes: Buffer.from('<Types/>') },
      { name: 'xl/big.xml', bytes: Buffer.from('<x>repeat</x>'.repeat(1000)) },
    ]);
    const entries = readZip(first, 'first.zip');
    const second = writeZip([{ name: 'xl/big.xml', copy: entries.get('xl/big.xml')! }, { name: 'new.txt', bytes: Buffer.from('new') }]);
    const zip = await JSZip.loadAsync(second);
    expect(await zip.file('xl/big.xml')!.async('string')).toBe('<x>repeat</x>'.repeat(1000));
    expect(await zip.file('new.txt')!.async('string')).toBe('new');
    const again = readZip(second, 'second.zip').get('xl/big.xml')!;
    expect(Buffer.from(again.data).equals(Buffer.from(entries.get('xl/big.xml')!.data))).toBe(true);
  });

  it('the sample written by the package writer is a zip JSZip reads, every part declared', async () => {
    const zip = await JSZip.loadAsync(specToPackage(buildSample()));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const n of Object.keys(zip.files).filter((f) => f.endsWith('.xml') && f !== '[Content_Types].xml')) expect(types).toContain(`PartName="/${n}"`);
  });

  it('says a cut or altered archive is damaged, in one line', async () => {
    const bytes = writeZip([{ name: 'a.xml', bytes: Buffer.from('<a>hello hello hello hello hello hello hello hello hello hello hello hello</a>') }]);
    expect(() => readZip(bytes.subarray(0, bytes.length - 30), 'cut.zip')).toThrow(new UserError('cannot read cut.zip: the file is truncated or damaged (its zip archive cannot be read)'));
    const e = readZip(bytes, 'ok.zip').get('a.xml')!;
    const altered = { ...e, crc: (e.crc + 1) >>> 0 };
    expect(() => inflateEntry(altered, 'bad.zip')).toThrow(new UserError('cannot read bad.zip: the file is truncated or damaged (its zip archive cannot be read)'));
  });
});
