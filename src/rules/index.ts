export type { ProgrammeRules, RuleKey, RulesInForce, RulesTable, Preset, PresetId } from './types';
export { PRESETS, PRESET_2014_2020, PRESET_2021_2027, presetFor } from './presets';
export { RULE_DEFINITIONS, fullLabel, showRuleValue, showPercent, cellValueOf, ruleValue } from './definitions';
export { decideRules, rulesInForce } from './in-force';
