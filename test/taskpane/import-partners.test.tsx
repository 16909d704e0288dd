/** Import partner files… in the pane: the picker (.xlsx, several), the per-file lines above the check, a refusal's line. */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/components/App';
import { importWork } from '../../src/taskpane/components/ImportPartners';
import { createPaneStore } from '../../src/taskpane/pane-store';
import type { ImportOutcome, PaneActions, PartnerFileInput } from '../../src/taskpane/actions';

const never = () => new Promise<never>(() => undefined);
const LINE = 'p4.xlsx: partner 4 (INMA): 1 budget cell changed (periods P2); indicator rows unchanged';
const REFUSED = "other.xlsx is a file of another project ('SmartReg', not 'ClusteriX 2.0'): nothing imported";

function actionsAnswering(answer: ImportOutcome, seen: PartnerFileInput[][] = []): PaneActions {
  return {
    check: never, consolidate: never, clearMarks: never, selectCell: never, newReportingWorkbook: never,
    importPartnerFiles: async (files) => {
      seen.push(files);
      return answer;
    },
  };
}
const done = { kind: 'done' as const, findings: [], counts: { error: 0, warning: 0, info: 0 }, explanations: {}, consolidated: false, marked: 0 };
const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|').replace(/&#x27;/g, "'");

async function pane(actions: PaneActions, files: PartnerFileInput[]): Promise<string> {
  const store = createPaneStore();
  await store.run('import', (p) => importWork(actions, files, p));
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} store={store} />
    </FluentProvider>,
  );
}

test('the picked files go to the action; each file’s line shows, then the check', async () => {
  const seen: PartnerFileInput[][] = [];
  const files = [{ name: 'p4.xlsx', base64: 'UEsDBA==' }, { name: 'p5.xlsx', base64: 'UEsDBB==' }];
  const html = await pane(actionsAnswering({ kind: 'imported', lines: [LINE], outcome: done }, seen), files);
  expect(seen).toEqual([files]);
  expect(html).toMatch(/<input[^>]*type="file"[^>]*accept=".xlsx"[^>]*multiple=""/);
  const t = text(html);
  expect(t).toContain('|Import partner files…|');
  expect(t).toContain(`|${LINE}|`);
  expect(t).toContain('|Checked: 0 errors, 0 warnings, 0 info.|');
});

test('a refusal is its one line, and no file line shows', async () => {
  const t = text(await pane(actionsAnswering({ kind: 'failed', message: REFUSED }), [{ name: 'other.xlsx', base64: '' }]));
  expect(t).toContain(REFUSED);
  expect(t).not.toContain('budget cell');
});

test('without the action (an older host), no button; asked anyway, the command line is named', async () => {
  const bare: PaneActions = { check: never, consolidate: never, clearMarks: never, selectCell: never, newReportingWorkbook: never };
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <App actions={bare} store={createPaneStore()} />
    </FluentProvider>,
  );
  expect(text(html)).not.toContain('Import partner files');
  expect(await importWork(bare, [])).toEqual({ kind: 'failed', message: expect.stringContaining('clusterix import BOOK.xlsx PARTNER.xlsx') });
});
