/**
 * The task pane: a header that stays in view (buttons, status, counts, filters) over the findings list.
 * Talks to Excel only through `actions`; the clipboard through `copy`.
 */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { AcceptInput, PaneActions, PartnerFileInput } from '../actions';
import type { PaneStore } from '../pane-store';
import { copyToClipboard, type CopyToClipboard } from '../clipboard';
import { findingsAsTable } from '../copy-findings';
import { applyFilter, paneFindings, countKinds, countsSentence, filterOptions, NO_FILTER, type FindingsFilter, type PaneFinding } from '../findings-view';
import type { PresetId } from '../../rules/types';
import { StatusArea, type Notice } from './StatusArea';
import { UndoNote } from './UndoNote';
import { Outcome } from './Outcome';
import { CountTiles } from './CountTiles';
import { FindingsFilters } from './FindingsFilters';
import { ClearConfirm } from './ClearConfirm';
import { LiveBanner } from './LiveBanner';
import { startLiveRecheck } from '../live-recheck';
import { ImportedLines, ImportPartnersButton, importWork } from './ImportPartners';
import { PartnerWorkbooksButton, PartnerWorkbooksList } from './PartnerWorkbooks';
import { Notices } from './Notices';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}` },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    background: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Top right of the header, after Clear marks in the Tab order.
  undo: { position: 'absolute', top: tokens.spacingVerticalXS, right: 0, minWidth: 0, paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  footer: { paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  footerButtons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface AppProps {
  actions: PaneActions;
  store: PaneStore;
  copy?: CopyToClipboard;
}

export function App({ actions, store, copy = copyToClipboard }: AppProps) {
  const styles = useStyles();
  const state = React.useSyncExternalStore(store.subscribe, store.get, store.get);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [confirmClear, setConfirmClear] = React.useState(false);
  const [undoAsked, setUndoAsked] = React.useState(false);
  const [filter, setFilter] = React.useState<FindingsFilter>(NO_FILTER);
  const partnerBooksButton = React.useRef<HTMLButtonElement>(null);
  const busy = state.working !== null;
  // The partner workbooks' list closed by the user (the run whose files it showed).
  const [closedList, setClosedList] = React.useState<object | null>(null);
  // New partner workbooks… writes nothing: the run before it stays in view (its findings; its status once the list closes).
  const shownRun = state.last?.task === 'partners' ? state.last.before : state.last;
  const statusState = state.last?.task === 'partners' && closedList === state.last ? { ...state, last: state.last.before } : state;
  const last = shownRun;
  const outcome = last?.outcome;
  // After an edit, the re-checked findings; the run's otherwise.
  const findings: PaneFinding[] = React.useMemo(() => (outcome?.kind === 'done' ? (state.live?.findings ?? paneFindings(outcome)) : EMPTY), [outcome, state.live]);

  React.useEffect(() => startLiveRecheck(actions, store), [actions, store]);

  // A new run's findings: the filters that no longer match anything go.
  React.useEffect(() => {
    setFilter((f) => {
      const { partners, sheets } = filterOptions(findings);
      return { kind: f.kind, partner: f.partner && partners.includes(f.partner) ? f.partner : null, sheet: f.sheet && sheets.includes(f.sheet) ? f.sheet : null };
    });
  }, [findings]);

  const shown = React.useMemo(() => applyFilter(findings, filter), [findings, filter]);
  const counts = React.useMemo(() => countKinds(findings), [findings]);
  const options = React.useMemo(() => filterOptions(findings), [findings]);

  const check = () => store.run('check', (p, signal) => actions.check(p, signal));
  const consolidate = () => store.run('consolidate', (p, signal) => actions.consolidate(p, signal));
  const clear = () => {
    setConfirmClear(false);
    void store.run('clear', (p) => actions.clearMarks(p));
  };
  const newWorkbook = (programme: PresetId) => store.run('new', (p) => actions.newReportingWorkbook(p, programme));
  const importFiles = (files: PartnerFileInput[]) => store.run('import', (p) => importWork(actions, files, p));
  const partnerBooks = actions.partnerWorkbooks ? () => void store.run('partners', (p) => actions.partnerWorkbooks!(p)) : undefined;
  const made = state.last?.task === 'partners' ? state.last : null;
  const madeBooks = made && made.outcome.kind === 'made' && closedList !== made ? made.outcome : null;
  const accept = actions.accept ? (input: AcceptInput) => store.run('accept', (p) => actions.accept!(input, p)) : undefined;
  const select = (sheet: string, cell: string | null) => {
    setNotice(null);
    actions.selectCell(sheet, cell).catch((e: unknown) => setNotice({ error: true, text: `Could not go to ${cell ?? sheet}: ${e instanceof Error ? e.message : String(e)}` }));
  };
  const copyShown = () => {
    const what = shown.length === findings.length ? countsSentence(counts) : `${shown.length} of ${findings.length} findings`;
    const title = `ClusteriX Reporting, ${last?.at.toLocaleString() ?? ''}: ${what}`;
    copy(findingsAsTable(shown, title)).then(
      () => setNotice({ error: false, text: `Copied ${shown.length === 1 ? '1 finding' : `${shown.length} findings`} as a table: paste it into an e-mail or a document.` }),
      (e: unknown) => setNotice({ error: true, text: `Could not copy: ${e instanceof Error ? e.message : String(e)}. Select the findings on the Report Checks tab and copy them there.` }),
    );
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>ClusteriX Reporting</h1>
        <div className={styles.toolbar} role="group" aria-label="Reporting actions">
          {/* disabledFocusable: keyboard focus stays on the button while it works (aria-disabled, not removed). */}
          <Button appearance="primary" disabledFocusable={busy} onClick={consolidate}>Consolidate</Button>
          <Button disabledFocusable={busy} onClick={check}>Check</Button>
          {/* Only Check and Consolidate can stop (before their first write); the others finish. */}
          {busy ? (
            <Button disabledFocusable={!!state.working?.cancelling || !(state.working?.task === 'check' || state.working?.task === 'consolidate')} onClick={() => store.cancel()}>
              Cancel
            </Button>
          ) : (
            <Button disabledFocusable={busy} onClick={() => setConfirmClear(true)}>Clear marks</Button>
          )}
          <Button size="small" appearance="transparent" className={styles.undo} aria-expanded={undoAsked || !state.wrote} onClick={() => setUndoAsked((v) => !v)}>
            Undo?
          </Button>
        </div>
        {confirmClear && !busy && <ClearConfirm onConfirm={clear} onCancel={() => setConfirmClear(false)} />}
        {(undoAsked || !state.wrote) && <UndoNote />}
        <StatusArea state={statusState} notice={notice} />
        {outcome?.kind === 'done' && outcome.imported && <ImportedLines lines={outcome.imported} />}
        {outcome?.kind === 'done' && outcome.notices && <Notices lines={outcome.notices} />}
        {state.live && outcome?.kind === 'done' && <LiveBanner live={state.live} />}
        {outcome?.kind === 'done' && (
          <>
            <CountTiles counts={counts} selected={filter.kind} onSelect={(kind) => setFilter({ ...filter, kind })} />
            <FindingsFilters filter={filter} partners={options.partners} sheets={options.sheets} shown={shown.length} total={findings.length} onChange={setFilter} onCopy={copyShown} />
          </>
        )}
      </header>
      <Outcome last={last} shown={shown} busy={busy} onSelect={select} onNewWorkbook={newWorkbook} onAccept={accept} />
      {/* A once-a-period task: below the findings, so the header stays one row and the list stays the same Tab stops away. */}
      {(actions.importPartnerFiles || partnerBooks) && (
        <footer className={styles.footer}>
          <div className={styles.footerButtons}>
            {partnerBooks && <PartnerWorkbooksButton ref={partnerBooksButton} busy={busy} onClick={partnerBooks} />}
            {actions.importPartnerFiles && <ImportPartnersButton busy={busy} onFiles={(files) => void importFiles(files)} />}
          </div>
          {madeBooks && (
            <PartnerWorkbooksList
              key={String(made?.at.getTime())}
              made={madeBooks}
              onClose={() => {
                setClosedList(made);
                partnerBooksButton.current?.focus(); // focus back where the list came from
              }}
            />
          )}
        </footer>
      )}
    </main>
  );
}

const EMPTY: PaneFinding[] = [];
