// empty-rules-attribute: `ingress = []` or `egress = []` makes the group authoritative for the
// direction with no rules: every apply deletes every rule of that direction, including those
// managed by standalone resources.
import { code } from '../findings/code-span.js';
import { fingerprint } from '../findings/finding.js';
import type { Direction } from '../model/types.js';
import { defineRule } from '../findings/define-rule.js';
import { PREDATES, hazardSeverity } from '../findings/hazard.js';

export const emptyRulesAttribute = defineRule({
  id: 'empty-rules-attribute',
  severity: 'high',
  summary: '`ingress = []` or `egress = []` deletes every rule of that direction on every apply.',
  check(ctx) {
    const base = new Map(ctx.base.groups.map((g) => [g.address, g]));
    const findings = [];
    for (const group of ctx.head.groups) {
      for (const direction of ['ingress', 'egress'] as Direction[]) {
        if (group.ownership[direction] !== 'empty') continue;
        const standalone = ctx.head.declarations.filter((d) => d.group === group.address && d.direction === direction && d.origin !== 'inline');
        const s = hazardSeverity(ctx, group.address, base.get(group.address)?.ownership[direction] === 'empty', standalone.length ? 'high' : 'medium');
        if (!s) continue;
        findings.push({
          severity: s.severity,
          fingerprint: fingerprint('empty-rules-attribute', group.address, direction),
          title: `${direction} = [] on ${group.address} deletes all its ${direction} rules`,
          message:
            [
              `\`${direction} = []\` makes ${code(group.address)} authoritative for its ${direction} rules with none wanted: every \`terraform apply\` deletes every ${direction} rule of the group, including rules created outside this resource.`,
              standalone.length
                ? `\nThese standalone rules target the same group and direction and will be deleted on each apply, then recreated: ${standalone.map((d) => code(d.resource)).join(', ')}.`
                : '',
              '',
              'Use it only for the one apply that removes inline rules; then remove the argument. To keep standalone rules, leave the argument out entirely.',
            ].join('\n') + (s.predates ? PREDATES : ''),
          resource: group.address,
          location: group.attributes[direction] ?? group.location,
        });
      }
    }
    return findings;
  },
});
