import JSZip from 'jszip';
import { readZipEntries } from '../../src/snapshot/zip-entries';
import { specToWorkbook } from '../../src/apply/xlsx/spec-writer';
import { buildSample } from '../../src/template';

describe('reading zip entries with the native inflate', () => {
  it('gives every worksheet exactly as JSZip does', async () => {
    const bytes = Buffer.from(await specToWorkbook(buildSample()).xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml'));
    const native = readZipEntries(bytes, (n) => names.includes(n))!;
    expect([...native.keys()].sort()).toEqual([...names].sort());
    for (const n of names) expect(native.get(n)).toBe(await zip.file(n)!.async('string'));
  });
  it('reads stored (uncompressed) entries and says null for what is no plain zip', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a>stored</a>', { compression: 'STORE' });
    zip.file('b.xml', '<b>deflated</b>'.repeat(50), { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const got = readZipEntries(bytes, () => true)!;
    expect(got.get('a.xml')).toBe('<a>stored</a>');
    expect(got.get('b.xml')).toBe('<b>deflated</b>'.repeat(50));
    expect(readZipEntries(Buffer.from('not a zip at all'), () => true)).toBeNull();
    expect(readZipEntries(bytes.subarray(0, bytes.length - 30), () => true)).toBeNull();
  });
});
