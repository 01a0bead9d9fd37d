// The shape of a finding rule module. `defineRule` stamps the rule's id on every finding it
// reports and derives its docs page, so a rule names itself exactly once.
import type { Severity } from '../settings.js';
import type { ReviewContext } from './context.js';
import type { RuleFinding } from '../result.js';

export interface FindingRule<Id extends string = string> {
  id: Id;
  /** The severity in the rule table; a finding may report lower or higher. */
  severity: Severity;
  /** One line for the rule table in docs and SARIF. */
  summary: string;
  /** Path of the rule's documentation page, relative to the repository. */
  docs: `docs/rules/${Id}.md`;
  check(ctx: ReviewContext): (RuleFinding & { rule: Id })[];
}

export function defineRule<const Id extends string>(rule: {
  id: Id;
  severity: Severity;
  summary: string;
  check(ctx: ReviewContext): RuleFinding[];
}): FindingRule<Id> {
  return {
    id: rule.id,
    severity: rule.severity,
    summary: rule.summary,
    docs: `docs/rules/${rule.id}.md`,
    check: (ctx) => rule.check(ctx).map((f) => ({ ...f, rule: rule.id })),
  };
}
