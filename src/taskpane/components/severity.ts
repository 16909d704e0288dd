/** Severity words and colours as the pane shows them; the fills are the sheet marks' own. */
import type { Severity } from '../../checks/types';
import { MARK_FILL } from '../../plan/types';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_LABEL: Record<Severity, { one: string; many: string }> = {
  error: { one: 'error', many: 'errors' },
  warning: { one: 'warning', many: 'warnings' },
  info: { one: 'note', many: 'notes' },
};
export const SEVERITY_FILL = MARK_FILL;
