/** The programme rules in force for the checked workbook: as the engine passed them, else as decided for its model. */
import type { CheckContext } from '../types';
import type { ProgrammeRules } from '../../rules/types';
import { rulesInForce } from '../../rules/in-force';

export function rulesOf(ctx: CheckContext): ProgrammeRules {
  return (ctx.rules ?? rulesInForce(ctx.model)).rules;
}
