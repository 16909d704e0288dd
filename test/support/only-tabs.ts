/**
 * A copy of an xlsx package with every sheet but the named ones hidden, patched in the package itself (reading
 * and writing it with ExcelJS would drop the charts), so LibreOffice prints only those tabs.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export function onlyTabs(xlsx: Uint8Array, keep: string[]): Uint8Array {
  const pkg = unzipSync(new Uint8Array(xlsx));
  let wb = strFromU8(pkg['xl/workbook.xml']);
  const names: string[] = [];
  wb = wb.replace(/<sheet\b([^>]*?)(\/?)>/g, (_m, attrs: string, close: string) => {
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1] ?? '';
    names.push(name);
    const rest = attrs.replace(/\s+state="[^"]*"/, '');
    return `<sheet${rest}${keep.includes(name.replace(/&amp;/g, '&')) ? '' : ' state="hidden"'}${close}>`;
  });
  const first = names.findIndex((n) => keep.includes(n.replace(/&amp;/g, '&')));
  wb = wb.replace(/\bactiveTab="\d+"/, `activeTab="${first}"`).replace(/\bfirstSheet="\d+"/, 'firstSheet="0"');
  pkg['xl/workbook.xml'] = strToU8(wb);
  // Only the kept tab may be selected, else LibreOffice prints the selected hidden sheets' pages too.
  for (const name of Object.keys(pkg)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    pkg[name] = strToU8(strFromU8(pkg[name]).replace(/\btabSelected="1"/g, 'tabSelected="0"'));
  }
  return zipSync(pkg, { level: 6 });
}
