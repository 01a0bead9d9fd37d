// missing-description: a new rule has no description, so the next reviewer cannot tell why
// it exists.
import { fingerprint } from '../findings/finding.js';
import { defineRule } from '../findings/define-rule.js';

export const missingDescription = defineRule({
  id: 'missing-description',
  severity: 'low',
  summary: 'A new rule has no description.',
  check(ctx) {
    // a rule moved between resources (inline to standalone, one CIDR per rule) is not new:
    // a declaration is new when one of its access tuples is not in the base
    const tuple = (group: string, direction: string, protocol: string, ports: string, peer: string) => [group, direction, protocol, ports, peer].join('|');
    const before = new Set(ctx.base.rules.map((r) => tuple(r.group, r.direction, r.protocol, r.ports.join('-'), `${r.peer.type}:${r.peer.value}`)));
    const isNew = (d: (typeof ctx.head.declarations)[number]) => {
      const [direction, protocol, ports, ...peers] = d.identity.split('|') as [string, string, string, ...string[]];
      return peers.some((p) => !before.has(tuple(d.group, direction, protocol, ports, p)));
    };
    const seen = new Set<string>();
    return ctx.head.declarations
      .filter((d) => !d.description?.trim() && isNew(d))
      .filter((d) => {
        const key = `${d.group}|${d.location.file}|${d.location.startLine}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((d) => ({
        severity: 'low' as const,
        fingerprint: fingerprint('missing-description', d.resource, d.identity),
        title: `New ${d.direction ?? ''} rule on ${d.group} has no description`.replace('  ', ' '),
        message: `Add a \`description\` saying who needs this access and why (up to 255 characters). It shows in the AWS console and makes the next review possible.`,
        resource: d.resource,
        location: d.location,
      }));
  },
});
