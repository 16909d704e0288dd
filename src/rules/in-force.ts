/**
 * The one place that decides the rules in force for a workbook: the preset its Programme field picks, then each
 * value its Rules table sets. Every check, the figures and the report read the answer; each value says where it
 * came from (the preset, or the Rules table's cell).
 */
import type { Model, Project } from '../model/types';
import { RULE_DEFINITIONS, withRuleValue } from './definitions';
import { presetFor } from './presets';
import type { RuleKey, RulesInForce } from './types';

export function decideRules(project: Project | null): RulesInForce {
  const preset = presetFor(project?.programme?.value);
  let rules = preset.rules;
  const source = {} as RulesInForce['source'];
  const table = project?.rulesTable;
  for (const d of RULE_DEFINITIONS) {
    const key: RuleKey = d.key;
    const value = table?.values[key];
    const at = table?.at[key];
    if (value !== undefined && at) {
      rules = withRuleValue(rules, key, value);
      source[key] = at;
    } else source[key] = null;
  }
  return { preset, rules, source };
}

const decided = new WeakMap<Model, RulesInForce>();

/** The rules in force for a model, decided once per model. */
export function rulesInForce(model: Model): RulesInForce {
  let r = decided.get(model);
  if (!r) decided.set(model, (r = decideRules(model.project)));
  return r;
}
