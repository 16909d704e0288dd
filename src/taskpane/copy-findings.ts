/** The findings as an e-mail or a report takes them: an HTML table (Outlook, Word) and the same as tab-separated text. */
import { KIND_LABEL, kindOf, placeOf, type PaneFinding } from './findings-view';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HEAD = ['Status', 'Where', 'Partner', 'Finding', 'Rule'];

function row(f: PaneFinding): string[] {
  const kind = KIND_LABEL[kindOf(f)].one;
  const message = f.accepted ? `${f.message} (accepted: ${f.accepted.reason} (${f.accepted.by}, ${f.accepted.date}))` : f.message;
  return [kind, placeOf(f), f.partner ?? '', message, f.rule];
}

export function findingsAsTable(findings: readonly PaneFinding[], title: string): { html: string; text: string } {
  const rows = findings.map(row);
  const cell = (tag: 'th' | 'td', s: string) => `<${tag} style="border:1px solid #999;padding:2px 6px;text-align:left;vertical-align:top">${escape(s)}</${tag}>`;
  const html =
    `<p>${escape(title)}</p>` +
    `<table style="border-collapse:collapse;font-family:Calibri,Arial,sans-serif;font-size:11pt">` +
    `<thead><tr>${HEAD.map((h) => cell('th', h)).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((s) => cell('td', s)).join('')}</tr>`).join('')}</tbody></table>`;
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const text = [title, '', HEAD.join('\t'), ...rows.map((r) => r.map(clean).join('\t'))].join('\n') + '\n';
  return { html, text };
}
