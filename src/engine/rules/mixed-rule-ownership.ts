// mixed-rule-ownership: a group whose direction is owned inline (blocks or a non-empty
// attribute) also has standalone rule resources for that direction. Inline rules are
// authoritative for the whole direction, so every apply deletes the standalone rules and the
// next apply recreates them: rules flap and access drops (provider #12356, terraform #11011).
// aws_default_security_group treats its inline rules as absolute in both directions.
import { code } from '../findings/code-span.js';
import { fingerprint } from '../findings/finding.js';
import type { Direction, Group, Model, RuleDeclaration } from '../model/types.js';
import { defineRule } from '../findings/define-rule.js';
import { PREDATES, hazardSeverity } from '../findings/hazard.js';

const at = (l: { file: string; startLine: number }) => `${l.file}:${l.startLine}`;

function conflicts(model: Model): { group: Group; direction: Direction; standalone: RuleDeclaration }[] {
  const out: { group: Group; direction: Direction; standalone: RuleDeclaration }[] = [];
  const standaloneByGroup = new Map<string, RuleDeclaration[]>();
  for (const d of model.declarations) if (d.origin !== 'inline') (standaloneByGroup.get(d.group) ?? standaloneByGroup.set(d.group, []).get(d.group)!).push(d);
  for (const group of model.groups) {
    for (const d of standaloneByGroup.get(group.address) ?? []) {
      if (!d.direction) continue;
      const owned = group.ownership[d.direction];
      const inlineOwned = owned === 'blocks' || owned === 'attribute';
      if (inlineOwned || group.type === 'aws_default_security_group') out.push({ group, direction: d.direction, standalone: d });
    }
  }
  return out;
}

export const mixedRuleOwnership = defineRule({
  id: 'mixed-rule-ownership',
  severity: 'high',
  summary: 'Inline rules and standalone rule resources manage the same group and direction: every apply deletes and recreates rules.',
  check(ctx) {
    const before = new Set(conflicts(ctx.base).map((c) => `${c.group.address}|${c.direction}|${c.standalone.resource}`));
    return conflicts(ctx.head).flatMap(({ group, direction, standalone }) => {
      const s = hazardSeverity(ctx, group.address, before.has(`${group.address}|${direction}|${standalone.resource}`), 'high');
      if (!s) return [];
      const inline = group.inline[direction][0] ?? group.location;
      const defaultGroup = group.type === 'aws_default_security_group';
      return [
        {
          severity: s.severity,
          fingerprint: fingerprint('mixed-rule-ownership', group.address, direction, standalone.resource),
          title: `${standalone.resource} fights the inline ${direction} rules of ${group.address}`,
          message:
            [
              defaultGroup
                ? `${code(group.address)} is an \`aws_default_security_group\`: its inline rules are absolute, so ${code(standalone.resource)} is removed on every apply.`
                : `${code(group.address)} manages its ${direction} rules inline (${at(inline)}), which makes it authoritative for **all** ${direction} rules of the group. ${code(standalone.resource)} adds a ${direction} rule to the same group, so each \`terraform apply\` deletes it and the next one recreates it: the rule flaps and traffic drops in between.`,
              '',
              group.type === 'awscc_ec2_security_group'
                ? `Fix: manage each direction in one place. Either move this rule into the group's \`security_group_${direction}\` list, or move the list's rules to \`awscc_ec2_security_group_${direction}\` resources.`
                : 'Fix: manage each direction in one place. Either move this rule into an inline block of the group, or move all inline ' +
                  `${direction} rules of the group to \`aws_vpc_security_group_${direction}_rule\` resources (import the existing rules, and set \`${direction} = []\` only for the apply that hands over).`,
            ].join('\n') + (s.predates ? PREDATES : ''),
          resource: standalone.resource,
          location: standalone.location,
        },
      ];
    });
  },
});
