// Every finding rule. Each is its own module with its own docs page under docs/rules/.
import type { FindingRule } from '../findings/define-rule.js';
import { analysisLimit } from './analysis-limit.js';
import { emptyRulesAttribute } from './empty-rules-attribute.js';
import { forcedReplacement } from './forced-replacement.js';
import { invalidRule } from './invalid-rule.js';
import { inlineRemovalKeepsRules } from './inline-removal-keeps-rules.js';
import { missingDescription } from './missing-description.js';
import { mixedRuleOwnership } from './mixed-rule-ownership.js';
import { mixedRuleResources } from './mixed-rule-resources.js';
import { newEgress } from './new-egress.js';
import { newIngress } from './new-ingress.js';
import { newInternetPath } from './new-internet-path.js';
import { parseError } from './parse-error.js';
import { referenceCycle } from './reference-cycle.js';
import { ruleQuota } from './rule-quota.js';
import { unanalysedModule } from './unanalysed-module.js';
import { unresolvedValue } from './unresolved-value.js';

const RULES = [
  newIngress,
  newEgress,
  newInternetPath,
  mixedRuleOwnership,
  mixedRuleResources,
  inlineRemovalKeepsRules,
  emptyRulesAttribute,
  referenceCycle,
  forcedReplacement,
  ruleQuota,
  missingDescription,
  unanalysedModule,
  invalidRule,
  unresolvedValue,
  parseError,
  analysisLimit,
] as const;

/** The id of every registered rule: a finding's `rule`, a `disabled_rules` entry. */
export type RuleId = (typeof RULES)[number]['id'];

export const FINDING_RULES: readonly FindingRule<RuleId>[] = RULES;

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);
const IDS: ReadonlySet<string> = new Set(RULE_IDS);

export function isRuleId(id: string): id is RuleId {
  return IDS.has(id);
}
