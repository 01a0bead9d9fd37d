// mixed-rule-resources: aws_security_group_rule and aws_vpc_security_group_*_rule manage the
// same group and direction. The provider warns against it: the legacy resource sees the
// new-style rules as drift and they overwrite each other.
import { code } from '../findings/code-span.js';
import { fingerprint } from '../findings/finding.js';
import type { Model, RuleDeclaration } from '../model/types.js';
import { defineRule } from '../findings/define-rule.js';
import { PREDATES, hazardSeverity } from '../findings/hazard.js';

function mixes(model: Model): Map<string, { legacy: RuleDeclaration[]; modern: RuleDeclaration[] }> {
  const out = new Map<string, { legacy: RuleDeclaration[]; modern: RuleDeclaration[] }>();
  for (const d of model.declarations) {
    // the awscc rule resources read only their own rule back (Cloud Control, by rule id)
    if (d.origin === 'inline' || d.origin.startsWith('awscc_') || !d.direction) continue;
    const key = `${d.group}\0${d.direction}`;
    const entry = out.get(key) ?? out.set(key, { legacy: [], modern: [] }).get(key)!;
    (d.origin === 'aws_security_group_rule' ? entry.legacy : entry.modern).push(d);
  }
  for (const [k, v] of out) if (!v.legacy.length || !v.modern.length) out.delete(k);
  return out;
}

export const mixedRuleResources = defineRule({
  id: 'mixed-rule-resources',
  severity: 'medium',
  summary: 'aws_security_group_rule and aws_vpc_security_group_*_rule manage the same group and direction.',
  check(ctx) {
    const before = mixes(ctx.base);
    return [...mixes(ctx.head)].flatMap(([key, { legacy, modern }]) => {
      const [group, direction] = key.split('\0') as [string, string];
      const s = hazardSeverity(ctx, group, before.has(key), 'medium');
      if (!s) return [];
      const first = modern[0]!;
      return [
        {
          severity: s.severity,
          fingerprint: fingerprint('mixed-rule-resources', group, direction),
          title: `${group} mixes aws_security_group_rule and aws_vpc_security_group_${direction}_rule`,
          message:
            `The ${direction} rules of ${code(group)} are managed by both \`aws_security_group_rule\` (${legacy.map((d) => code(d.resource)).join(', ')}) and \`aws_vpc_security_group_${direction}_rule\` (${modern.map((d) => code(d.resource)).join(', ')}). The provider documents that these conflict: rules are overwritten and plans never settle.\n\nFix: migrate the remaining \`aws_security_group_rule\` resources to \`aws_vpc_security_group_${direction}_rule\` (one CIDR per rule), with \`import\` blocks so the rules are adopted, not recreated.` +
            (s.predates ? PREDATES : ''),
          resource: first.resource,
          location: first.location,
        },
      ];
    });
  },
});
