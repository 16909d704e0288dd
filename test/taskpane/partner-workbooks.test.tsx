/** New partner workbooks… in the pane: the button, the list of files with their download links, the zip, a refusal’s line. */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/components/App';
import { mimeOf } from '../../src/taskpane/components/PartnerWorkbooks';
import { createPaneStore, type PaneStore } from '../../src/taskpane/pane-store';
import type { PaneActions, PartnerBooksOutcome } from '../../src/taskpane/actions';

const never = () => new Promise<never>(() => undefined);
const bare: PaneActions = { check: never, consolidate: never, clearMarks: never, selectCell: never, newReportingWorkbook: never };
const bytes = (n: number) => new Uint8Array([0x50, 0x4b, 3, 4, n]);
const MADE: PartnerBooksOutcome = {
  kind: 'made',
  files: [
    { no: 1, partner: 'ecoplus. The Business Agency of Lower Austria', name: 'sample partner 1.xlsx', bytes: bytes(1) },
    { no: 4, partner: 'INMA', name: 'sample partner 4.xlsx', bytes: bytes(4) },
    { no: 11, partner: 'Region Skåne', name: 'sample partner 11.xlsx', bytes: bytes(11) },
  ],
  all: { name: 'sample partner workbooks.zip', bytes: bytes(0) },
};
const NO_BUDGETS = 'no budgets.xlsx has no partner with one budget sheet: no partner workbook to write';

const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const render = (actions: PaneActions, store: PaneStore) =>
  renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} store={store} />
    </FluentProvider>,
  );

async function afterClick(answer: PartnerBooksOutcome): Promise<{ html: string; calls: number }> {
  let calls = 0;
  const actions: PaneActions = { ...bare, partnerWorkbooks: async () => (calls++, answer) };
  const store = createPaneStore();
  // What the button does: one pane run of the action.
  await store.run('partners', (p) => actions.partnerWorkbooks!(p));
  return { html: render(actions, store), calls };
}

test('the button is in the footer; after it, each file is a download link named as the command line names it', async () => {
  const { html, calls } = await afterClick(MADE);
  expect(calls).toBe(1);
  const t = text(html);
  expect(t).toContain('|New partner workbooks…|');
  expect(t).toContain('|3 partner workbooks made from this workbook: download them below.|');
  const links = [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*download="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1], download: m[2], text: m[3] }));
  // Download all first (above a list that can be long), then one link per file.
  expect(links.map((l) => l.download)).toEqual(['sample partner workbooks.zip', 'sample partner 1.xlsx', 'sample partner 4.xlsx', 'sample partner 11.xlsx']);
  expect(links.map((l) => l.text)).toEqual(['Download all (sample partner workbooks.zip)', 'sample partner 1.xlsx', 'sample partner 4.xlsx', 'sample partner 11.xlsx']);
  for (const l of links) expect(l.href).toMatch(/^blob:/);
  expect(new Set(links.map((l) => l.href)).size).toBe(4);
  // The partner beside its file; the list is labelled; Close is there.
  expect(t).toContain('|sample partner 4.xlsx|INMA|');
  expect(t).toContain('|sample partner 11.xlsx|Region Skåne|');
  expect(html).toMatch(/<ul[^>]*aria-label="Partner workbooks to download"/);
  expect(t).toContain('|Close|');
});

test('the download links carry the spreadsheet and zip types', async () => {
  expect(mimeOf('sample partner 1.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(mimeOf('lead partner 1.xlsm')).toBe('application/vnd.ms-excel.sheet.macroEnabled.12');
  expect(mimeOf('sample partner workbooks.zip')).toBe('application/zip');
});

test('a refusal is its one line in the status, and no list shows', async () => {
  const { html } = await afterClick({ kind: 'failed', message: NO_BUDGETS });
  expect(text(html)).toContain(`|Could not finish: ${NO_BUDGETS}|`);
  expect(html).toMatch(/role="status" aria-live="polite"[^>]*>Could not finish: no budgets\.xlsx has no partner/);
  expect(html).not.toContain('download=');
});

test('without the action, no button', () => {
  expect(text(render(bare, createPaneStore()))).not.toContain('New partner workbooks');
});

test('the findings of the check before stay in view under the list (New partner workbooks… writes nothing)', async () => {
  const finding = { rule: 'P02', severity: 'error' as const, sheet: 'Project', cell: 'C14', message: 'Phase 2 ends 2019-13-31, not a date' };
  const checked = { kind: 'done' as const, findings: [finding], counts: { error: 1, warning: 0, info: 0 }, explanations: {}, consolidated: false, marked: 1 };
  const actions: PaneActions = { ...bare, check: async () => checked, partnerWorkbooks: async () => MADE };
  const store = createPaneStore();
  await store.run('check', (p) => actions.check(p));
  const afterCheck = store.get().last;
  await store.run('partners', (p) => actions.partnerWorkbooks!(p));
  expect(store.get().last).toMatchObject({ task: 'partners', before: afterCheck });
  const t = text(render(actions, store));
  expect(t).toContain('|3 partner workbooks made from this workbook: download them below.|');
  expect(t).toContain('|Phase 2 ends 2019-13-31, not a date|');
  expect(t).toContain('|sample partner 4.xlsx|INMA|');
  // A second click keeps the check as the run before, not the first list.
  await store.run('partners', (p) => actions.partnerWorkbooks!(p));
  expect(store.get().last).toMatchObject({ task: 'partners', before: afterCheck });
});
