// inline-removal-keeps-rules: the PR removes the last inline block of a direction without
// `ingress = []` / `egress = []`. Inline rules are attributes-as-blocks: with no argument the
// provider stops managing the direction, so the old rules stay in AWS (access is not revoked),
// and recreating them as standalone resources fails with a duplicate-rule error.
import { code } from '../findings/code-span.js';
import { fingerprint } from '../findings/finding.js';
import type { Direction, Rule } from '../model/types.js';
import { defineRule } from '../findings/define-rule.js';

/**
 * Whether AWS may hold the two as one rule: the same protocol, ports and peer, or a peer not
 * known here on either side (`element(var.groups, count.index)` may be a member of `var.groups`).
 */
const mayDuplicate = (a: Rule, b: Rule) =>
  a.protocol === b.protocol &&
  JSON.stringify(a.ports) === JSON.stringify(b.ports) &&
  (a.peer.type === 'unresolved' || b.peer.type === 'unresolved' || JSON.stringify(a.peer) === JSON.stringify(b.peer));

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
        // a standalone rule this PR adds that allows what a removed inline rule allowed: AWS refuses
        // it as a duplicate (one that existed at the base, or another rule, is no such conflict)
        const removed = ctx.base.rules.filter((r) => r.group === group.address && r.direction === direction && r.origin === 'inline');
        const atBase = new Set(ctx.base.declarations.map((d) => d.resource));
        const duplicates = [
          ...new Set(
            ctx.head.rules
              .filter(
                (r) =>
                  r.group === group.address &&
                  r.direction === direction &&
                  r.origin !== 'inline' &&
                  !atBase.has(r.resource) &&
                  removed.some((old) => mayDuplicate(old, r)),
              )
              .map((r) => r.resource),
          ),
        ];
        findings.push({
          severity: 'medium' as const,
          fingerprint: fingerprint('inline-removal-keeps-rules', group.address, direction),
          title: `Removing the inline ${direction} rules of ${group.address} does not delete them`,
          message: [
            `${code(group.address)} no longer has any inline ${code(direction)} block. Terraform then stops managing that direction: the rules it created **stay in AWS**, so the access they grant is not revoked.`,
            duplicates.length
              ? `This PR also adds ${duplicates.map((r) => code(r)).join(', ')}, which may repeat a removed inline rule: creating a rule that still exists fails with \`InvalidPermission.Duplicate\`.`
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
