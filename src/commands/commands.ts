/**
 * Ribbon commands, in the same runtime as the pane (manifest: SharedRuntime): Consolidate runs through the pane's
 * store, so the pane shows its outcome when opened. "Open pane" is a ShowTaskpane action and needs no code.
 */
import { hostActions } from '../taskpane/host';
import { paneStore } from '../taskpane/pane-store';

export async function consolidate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // A run already in progress (from the pane) is left to finish; the store refuses a second one.
    await paneStore().run('consolidate', (progress) => hostActions().consolidate(progress));
  } finally {
    event.completed(); // only after the work: Excel keeps the button busy until then
  }
}

// The promise form: Office calls back either way, and so does any host that only resolves.
void Office.onReady().then(() => {
  Office.actions.associate('consolidate', consolidate);
});
