/**
 * Every check, in the order of rules.md: one module per rule id.
 * The programme's rules (15% office, EUR 15,000 preparation, EUR 7,000 equipment, 20% flexibility, ERDF rates,
 * partner countries) come from the profile, so any project laid out the same way is checked. The profile's own
 * stated facts (total budget, budgets the description gives, targets) are checked only where the workbook's
 * acronym is the profile's, and as warnings (P04, I02): an approved project modification may change them.
 */
import type { Rule } from './types';
import { P01 } from './rules/P01';
import { P02 } from './rules/P02';
import { P03 } from './rules/P03';
import { P04 } from './rules/P04';
import { P05 } from './rules/P05';
import { B01 } from './rules/B01';
import { B02 } from './rules/B02';
import { B03 } from './rules/B03';
import { B04 } from './rules/B04';
import { B05 } from './rules/B05';
import { B06 } from './rules/B06';
import { B07 } from './rules/B07';
import { B08 } from './rules/B08';
import { B09 } from './rules/B09';
import { B10 } from './rules/B10';
import { I01 } from './rules/I01';
import { I02 } from './rules/I02';
import { I03 } from './rules/I03';
import { I04 } from './rules/I04';
import { T01 } from './rules/T01';
import { T02 } from './rules/T02';
import { T03 } from './rules/T03';

export const RULES: readonly Rule[] = [P01, P02, P03, P04, P05, B01, B02, B03, B04, B05, B06, B07, B08, B09, B10, I01, I02, I03, I04, T01, T02, T03];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
