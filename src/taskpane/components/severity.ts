/** Each kind of finding's cue colour in the pane: Fluent's status tokens, at 3:1 or more on the pane in light and dark themes. */
import { tokens, type Theme } from '@fluentui/react-components';
import type { FindingKind } from '../findings-view';

/** The theme token of each kind's cue (tested for contrast against both themes' background). */
export const CUE_TOKEN: Record<FindingKind, keyof Theme> = {
  error: 'colorStatusDangerForeground1',
  toFill: 'colorNeutralForeground3',
  warning: 'colorStatusWarningForeground1',
  info: 'colorBrandForeground1',
  accepted: 'colorStatusSuccessForeground1',
};

export const CUE: Record<FindingKind, string> = Object.fromEntries(Object.entries(CUE_TOKEN).map(([k, t]) => [k, tokens[t as keyof typeof tokens]])) as Record<FindingKind, string>;
