/** The pane rendered to HTML (no browser): findings grouped by severity and sheet, counts, explanations, empty state. */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/components/App';
import { createPaneStore } from '../../src/taskpane/pane-store';
import type { PaneActions, PaneOutcome } from '../../src/taskpane/actions';
import type { Finding } from '../../src/checks/types';
import { isDarkBackground } from '../../src/taskpane/theme';

const findings: Finding[] = [
  { rule: 'P02', severity: 'error', sheet: 'Project', cell: 'D14', message: 'Phase 2 ends 2021-04-01; 24 months from 2019-04-01 end 2021-03-31' },
  { rule: 'B04', severity: 'error', sheet: 'Budget WP', cell: 'J12', message: 'Budget total 178,000.00 differs from the approved 178,550.00' },
  { rule: 'T02', severity: 'warning', sheet: null, cell: null, message: 'No indicator sheet' },
  { rule: 'I02', severity: 'info', sheet: 'Indicators', cell: 'K5', message: 'PLE: 12 of 32 (38%)' },
];
const explanations = {
  P02: { title: 'Dates', what: 'Periods follow each other', why: 'The programme counts months', fix: 'Correct the end date' },
};
const never = () => new Promise<never>(() => undefined);
const actions: PaneActions = { check: never, consolidate: never, clearMarks: never, selectCell: never, newReportingWorkbook: never };

async function render(outcome: PaneOutcome): Promise<string> {
  const store = createPaneStore();
  await store.run('check', async () => outcome);
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} store={store} />
    </FluentProvider>,
  );
}
const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');

test('findings come grouped by kind, each a row with its message first, then where, and the rule small', async () => {
  const html = await render({ kind: 'done', findings, counts: { error: 2, warning: 1, info: 1 }, explanations, consolidated: false, marked: 0 });
  const t = text(html);
  expect(t).toContain('|Checked: 2 errors, 1 warning, 1 info.|');
  expect(t).toContain('|2|errors|1|warning|1|info|');
  const order = ['|Errors (2)|', '|Phase 2 ends', '|Project!D14 · P02|', '|Budget total', '|Budget WP!J12 · B04|', '|Warnings (1)|', '|No indicator sheet|', '|Workbook · T02|', '|Info (1)|', '|PLE: 12 of 32', '|Indicators!K5 · I02|'];
  const at = order.map((s) => t.indexOf(s));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  // One Tab stop for the whole list: the first row only.
  const rows = html.match(/<button[^>]*data-testid="finding-link"[^>]*>/g) ?? [];
  expect(rows).toHaveLength(4);
  expect(rows.map((r) => /tabindex="0"/.test(r))).toEqual([true, false, false, false]);
  expect(t).not.toMatch(/\bnotes?\b/i);
  expect(html).toContain('role="status"');
  expect(html).toContain('aria-live="polite"');
});

test('a new template reads as a to-do list: what is still to fill in apart from the data errors, and counted apart', async () => {
  const template: Finding[] = [
    { rule: 'P02', severity: 'error', sheet: 'Project', cell: 'C14', message: 'Phase 2 ends 2021-04-01' },
    { rule: 'P04', severity: 'error', sheet: 'Project', cell: 'H29', message: 'Approved budget of partner 1 (ecoplus) is blank', toFill: true },
    { rule: 'P04', severity: 'error', sheet: 'Project', cell: 'H30', message: 'Approved budget of partner 2 (IDM) is blank', toFill: true },
    { rule: 'B06', severity: 'warning', sheet: 'Budget INMA', cell: 'B15', message: 'Amount typed as text', accepted: { reason: 'Agreed with the partner', by: 'JD', date: '2026-12-01' } },
  ];
  const t = text(await render({ kind: 'done', findings: template, counts: { error: 1, warning: 0, info: 0 }, explanations, consolidated: false, marked: 0 }));
  expect(t).toContain('|Checked: 1 error, 2 to fill in, 0 warnings, 0 info, 1 accepted.|');
  expect(t).toContain('|1|error|2|to fill in|0|warnings|0|info|1|accepted|');
  const order = ['|Errors (1)|', '|Phase 2 ends', '|Still to fill in (2)|', 'Approved budget of partner 1', 'Approved budget of partner 2', '|Accepted warnings (1)|', '|Amount typed as text|', '|Accepted: Agreed with the partner (JD, 2026-12-01)|'];
  const at = order.map((s) => t.indexOf(s));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
});

test('before anything is written, the short undo note names Check and Consolidate and the way back', () => {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} store={createPaneStore()} />
    </FluentProvider>,
  );
  const note = text(html).split('|').find((s) => s.startsWith('Ctrl+Z')) ?? '';
  expect(note).toMatch(/Check and Consolidate/);
  expect(note).toMatch(/Clear marks/);
  expect(note.length).toBeLessThan(200);
});

test('not a reporting workbook: what was looked for, and the button to start one', async () => {
  const t = text(await render({ kind: 'notReporting', lookedFor: "a sheet with the field Project acronym" }));
  expect(t).toContain("|Not a reporting workbook yet|Looked for: a sheet with the field Project acronym|");
  expect(t).toContain('|New reporting workbook|');
});

test('Office’s dark backgrounds pick the dark theme', () => {
  expect(['#262626', '#000000', '#444444', '#FFFFFF', '#f3f3f3', '', 'white'].map(isDarkBackground)).toEqual([true, true, true, false, false, false, false]);
});

test('New reporting workbook asks which programme: 2014–2020 (ClusteriX 2.0) by default, or an empty 2021–2027 project', async () => {
  const html = await render({ kind: 'notReporting', lookedFor: 'a sheet with the field Project acronym' });
  expect(html).toMatch(/<label[^>]*for="new-workbook-programme"[^>]*>Programme<\/label>/);
  const select = /<select[^>]*id="new-workbook-programme"[^>]*>(.*?)<\/select>/.exec(html)![1];
  expect([...select.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)<\/option>/g)].map((m) => [m[1], m[2]])).toEqual([
    ['2014-2020', 'Interreg Europe 2014–2020 (ClusteriX 2.0)'],
    ['2021-2027', 'Interreg Europe 2021–2027 (empty project)'],
  ]);
  expect(html).toMatch(/<select[^>]*id="new-workbook-programme"[^>]*>.*<option value="2014-2020" selected=""/);
});

test('a sheet of the user named like a report tab: the pane says so in the CLI\'s words, above the findings', async () => {
  const notice = "The sheet 'Report Summary' is your own but has the name of a report tab: it is checked as yours, and Consolidate will need it renamed.";
  const html = await render({ kind: 'done', findings, counts: { error: 2, warning: 1, info: 1 }, explanations, consolidated: false, marked: 2, notices: [notice] });
  const shown = text(html).replace(/&#x27;/g, "'");
  expect(shown).toContain(`|${notice}|`);
  expect(shown.indexOf(notice)).toBeLessThan(shown.indexOf('Budget total 178,000.00'));
});
