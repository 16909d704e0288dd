/** XML character references as writers put them in sheet names and text, decoded once for reader and writer. */
import { decodeEntities } from '../../src/snapshot/package/xml';

test('named and numeric references, decimal and hex, and characters beyond the BMP', () => {
  expect(decodeEntities('R&amp;D &#38; &#x26; &lt;2&gt; &quot;a&quot; &apos;b&apos;')).toBe('R&D & & <2> "a" \'b\'');
  expect(decodeEntities('Budget &#128512; &#x1F600;')).toBe('Budget \u{1F600} \u{1F600}');
  // &amp; last: an escaped reference stays a reference's text.
  expect(decodeEntities('&amp;#38;')).toBe('&#38;');
});
