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

test('findings come grouped by severity, then sheet, each a button to its cell with its rule at hand', async () => {
  const html = await render({ kind: 'done', findings, counts: { error: 2, warning: 1, info: 1 }, explanations, consolidated: false, marked: 0 });
  const t = text(html);
  expect(t).toContain('|Checked: 2 errors, 1 warning, 1 note.|');
  expect(t).toContain('|2|errors|1|warning|1|note|');
  const order = ['|Errors|', '|Project|', 'D14: Phase 2 ends', '|Budget WP|', 'J12: Budget total', '|Warnings|', '|Workbook|', 'No indicator sheet', '|Notes|', '|Indicators|', 'K5: PLE'];
  const at = order.map((s) => t.indexOf(s));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(html.match(/<button[^>]*data-testid="finding-link"/g)).toHaveLength(3); // the workbook-level one has no cell to go to
  expect(t).toContain('|About P02: Dates|What it checks|Periods follow each other|Why|The programme counts months|How to fix|Correct the end date|');
  expect(html).toContain('role="status"');
  expect(html).toContain('aria-live="polite"');
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
