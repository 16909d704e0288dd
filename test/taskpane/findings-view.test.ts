/** The list's kinds, filters and copy: what the pane shows and what lands on the clipboard. */
import type { PaneFinding } from '../../src/taskpane/findings-view';
import { applyFilter, countKinds, filterOptions, groupByKind, NO_FILTER } from '../../src/taskpane/findings-view';
import { findingsAsTable } from '../../src/taskpane/copy-findings';

const findings: PaneFinding[] = [
  { rule: 'P01', severity: 'error', sheet: 'Project', cell: 'D39', message: 'Country SK vs SE', partner: '11 Region Skåne' },
  { rule: 'P04', severity: 'error', sheet: 'Project', cell: 'H29', message: 'Approved budget is blank', toFill: true, partner: '1 ecoplus' },
  { rule: 'B06', severity: 'warning', sheet: 'Budget INMA', cell: 'B15', message: 'Amount <as> text & more', partner: '4 INMA' },
  { rule: 'B06', severity: 'warning', sheet: 'Budget INMA', cell: 'B16', message: 'Accepted one', partner: '4 INMA', accepted: { reason: 'ok', by: 'JD', date: '2026-12-01' } },
  { rule: 'T02', severity: 'error', sheet: null, cell: null, message: 'No Indicators sheet' },
  { rule: 'I02', severity: 'info', sheet: 'Project', cell: 'C43', message: 'PLE 0 of 32' },
];

test('kinds: to fill in and accepted apart from errors and warnings', () => {
  expect(countKinds(findings)).toEqual({ error: 2, toFill: 1, warning: 1, info: 1, accepted: 1 });
  expect(groupByKind(findings).map((g) => [g.kind, g.findings.length])).toEqual([['error', 2], ['toFill', 1], ['warning', 1], ['info', 1], ['accepted', 1]]);
});

test('filters by kind, partner and sheet, together', () => {
  expect(applyFilter(findings, NO_FILTER)).toHaveLength(6);
  expect(applyFilter(findings, { kind: 'error', partner: null, sheet: null }).map((f) => f.cell)).toEqual(['D39', null]);
  expect(applyFilter(findings, { kind: null, partner: '4 INMA', sheet: null }).map((f) => f.cell)).toEqual(['B15', 'B16']);
  expect(applyFilter(findings, { kind: 'warning', partner: '4 INMA', sheet: 'Budget INMA' }).map((f) => f.cell)).toEqual(['B15']);
  expect(applyFilter(findings, { kind: null, partner: null, sheet: 'Workbook' }).map((f) => f.rule)).toEqual(['T02']);
  expect(filterOptions(findings)).toEqual({ partners: ['1 ecoplus', '4 INMA', '11 Region Skåne'], sheets: ['Project', 'Budget INMA', 'Workbook'] });
});

test('copy: an HTML table with escaped text and the same rows as tab-separated text', () => {
  const { html, text } = findingsAsTable(findings.slice(2, 4), 'Two findings');
  expect(html).toContain('<th style="border:1px solid #999;padding:2px 6px;text-align:left;vertical-align:top">Status</th>');
  expect(html).toContain('Amount &lt;as&gt; text &amp; more');
  expect(html.match(/<tr>/g)).toHaveLength(3);
  expect(text.split('\n')).toEqual([
    'Two findings',
    '',
    'Status\tWhere\tPartner\tFinding\tRule',
    'warning\tBudget INMA!B15\t4 INMA\tAmount <as> text & more\tB06',
    'accepted\tBudget INMA!B16\t4 INMA\tAccepted one (accepted: ok (JD, 2026-12-01))\tB06',
    '',
  ]);
});
