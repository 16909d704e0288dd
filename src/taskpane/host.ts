/** The one PaneActions over Office.js for this page, shared by the pane and the ribbon commands. */
import type { PaneActions } from './actions';
import { createOfficeActions } from '../apply/office';

const KEY = '__clusterixHostActions';
export function hostActions(): PaneActions {
  const g = globalThis as unknown as Record<string, PaneActions | undefined>;
  return (g[KEY] ??= createOfficeActions());
}
