/** The task pane: three buttons, what is happening, and what the last run found. Talks to Excel only through `actions`. */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneActions } from '../actions';
import type { PaneStore } from '../pane-store';
import type { PresetId } from '../../rules/types';
import { StatusArea } from './StatusArea';
import { UndoNote } from './UndoNote';
import { Outcome } from './Outcome';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface AppProps {
  actions: PaneActions;
  store: PaneStore;
}

export function App({ actions, store }: AppProps) {
  const styles = useStyles();
  const state = React.useSyncExternalStore(store.subscribe, store.get, store.get);
  const [notice, setNotice] = React.useState<string | null>(null);
  const busy = state.working !== null;

  const check = () => store.run('check', (p) => actions.check(p));
  const consolidate = () => store.run('consolidate', (p) => actions.consolidate(p));
  const clear = () => store.run('clear', (p) => actions.clearMarks(p));
  const newWorkbook = (programme: PresetId) => store.run('new', (p) => actions.newReportingWorkbook(p, programme));
  const select = (sheet: string, cell: string | null) => {
    setNotice(null);
    actions.selectCell(sheet, cell).catch((e: unknown) => setNotice(`Could not go to ${cell ?? sheet}: ${e instanceof Error ? e.message : String(e)}`));
  };

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>ClusteriX Reporting</h1>
      <div className={styles.toolbar} role="group" aria-label="Reporting actions">
        {/* disabledFocusable: keyboard focus stays on the button while it works (aria-disabled, not removed). */}
        <Button appearance="primary" disabledFocusable={busy} onClick={consolidate}>Consolidate</Button>
        <Button disabledFocusable={busy} onClick={check}>Check</Button>
        <Button disabledFocusable={busy} onClick={clear}>Clear marks</Button>
      </div>
      <StatusArea state={state} notice={notice} />
      <UndoNote />
      <Outcome last={state.last} busy={busy} onSelect={select} onNewWorkbook={newWorkbook} />
    </main>
  );
}
