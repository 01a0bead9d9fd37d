// inline-removal-keeps-rules: the PR removes the last inline block of a direction without
// `ingress = []` / `egress = []`. Inline rules are attributes-as-blocks: with no argument the
// provider stops managing the direction, so the old rules stay in AWS (access is not revoked),
// and recreating them as standalone resources fails with a duplicate-rule error.
import { code } from '../findings/code-span.js';
import { fingerprint } from '../findings/finding.js';
import type { Direction } from '../model/types.js';
import { defineRule } from '../findings/define-rule.js';

export const inlineRemovalKeepsRules = defineRule({
  id: 'inline-removal-keeps-rules',
  severity: 'medium',
  summary: 'The last inline rule block of a direction is removed without `ingress = []` / `egress = []`: the rules stay in AWS.',
  check(ctx) {
    const base = new Map(ctx.base.groups.map((g) => [g.address, g]));
    const findings = [];
    for (const group of ctx.head.groups) {
      const old = base.get(group.address);
      // aws_default_security_group is absolute: the provider revokes every rule not written
      // inline, so removing a block does revoke it
      // (an awscc group's removed list: its rules stay too, but the fixes below are the aws provider's)
      if (!old || group.type !== 'aws_security_group') continue;
      for (const direction of ['ingress', 'egress'] as Direction[]) {
        const was = old.ownership[direction];
        if ((was !== 'blocks' && was !== 'attribute') || group.ownership[direction] !== 'unmanaged') continue;
        const standalone = ctx.head.declarations.filter((d) => d.group === group.address && d.direction === direction && d.origin !== 'inline');
        findings.push({
          severity: 'medium' as const,
          fingerprint: fingerprint('inline-removal-keeps-rules', group.address, direction),
          title: `Removing the inline ${direction} rules of ${group.address} does not delete them`,
          message: [
            `${code(group.address)} no longer has any inline ${code(direction)} block. Terraform then stops managing that direction: the rules it created **stay in AWS**, so the access they grant is not revoked.`,
            standalone.length
              ? `This PR also adds ${standalone.map((d) => code(d.resource)).join(', ')} for the same direction: creating a rule that still exists fails with \`InvalidPermission.Duplicate\`.`
              : '',
            '',
            'Safe migrations:',
            `- to remove the rules: set \`${direction} = []\` on the group for one apply (it deletes every ${direction} rule of the group), then remove the argument;`,
            `- to move them to standalone resources: add \`import\` blocks for the existing rules into \`aws_vpc_security_group_${direction}_rule\` resources, so Terraform adopts them instead of creating duplicates.`,
          ]
            .filter((l, i) => l !== '' || i !== 1)
            .join('\n'),
          resource: group.address,
          location: group.location,
        });
      }
    }
    return findings;
  },
});
