// missing-description: a new rule has no description, so the next reviewer cannot tell why
// it exists.
import { fingerprint } from '../findings/finding.js';
import { defineRule } from '../findings/define-rule.js';
import { groupTitle } from '../findings/describe.js';
import { setOutsideAtBase } from '../findings/set-outside.js';
import type { RuleDeclaration as Declaration } from '../model/types.js';
import { append } from '../append.js';

export const missingDescription = defineRule({
  id: 'missing-description',
  severity: 'low',
  summary: 'A new rule has no description.',
  check(ctx) {
    // A rule is new when its resource address (inline: its group, direction, protocol and
    // ports) did not exist at the base; narrowing or editing a rule does not make it new. A
    // rule moved between resources (inline to standalone, one CIDR per rule) is not new
    // either: all of its access tuples were in the base.
    const tuple = (group: string, direction: string, protocol: string, ports: string, peer: string) => [group, direction, protocol, ports, peer].join('|');
    const before = new Set(
      ctx.base.rules.map((r) => tuple(r.group, r.direction, r.protocol, r.unknownPorts ?? r.ports.join('-'), `${r.peer.type}:${r.peer.value}`)),
    );
    // resource blocks, not instances: a block whose count was 0 at the base is edited, not new
    const block = (address: string) => address.replace(/\[[^\]]*\]$/, '');
    const baseResources = new Set(ctx.base.resources.map((r) => block(r.address)));
    const slot = (d: Declaration) => [d.group, ...d.identity.split('|').slice(0, 3)].join('|');
    const baseSlots = new Set(ctx.base.declarations.map(slot));
    // a rule whose peers are set outside (`var.cidrs`, or one element of it per instance) was in
    // the base when a rule there took them from the same variables on the same ports
    const setOutsideBefore = setOutsideAtBase(ctx);
    // an inline rule narrowed in place (0-65535 to 3000, the same peers or some of them) is
    // that rule edited
    const peersOf = (d: Declaration) => d.identity.split('|').slice(3);
    // (the base's inline rules indexed by group, direction and protocol)
    const sameKind = (d: Declaration) => JSON.stringify([d.group, d.direction, d.protocol]);
    const inlineAtBase = new Map<string, Declaration[]>();
    for (const b of ctx.base.declarations) if (b.origin === 'inline') append(inlineAtBase, sameKind(b), b);
    const narrowed = (d: Declaration) =>
      (inlineAtBase.get(sameKind(d)) ?? []).some(
        (b) => peersOf(d).every((p) => peersOf(b).includes(p)) && b.ports[0] <= d.ports[0] && d.ports[1] <= b.ports[1],
      );
    const isNew = (d: Declaration) => {
      const [direction, protocol, ports, ...peers] = d.identity.split('|') as [string, string, string, ...string[]];
      // (a rule with no peers yet, e.g. an empty list variable, is judged by its address alone)
      if (peers.length && !peers.some((p) => !before.has(tuple(d.group, direction, protocol, ports, p)))) return false;
      if (setOutsideBefore(d)) return false;
      return d.origin === 'inline' ? !baseSlots.has(slot(d)) && !narrowed(d) : !baseResources.has(block(d.resource));
    };
    const seen = new Set<string>();
    return (
      ctx.head.declarations
        // (an invalid rule gets invalid-rule, or was as invalid at the base: fix that first)
        .filter((d) => !d.invalid && !d.description?.trim() && isNew(d))
        .filter((d) => {
          const key = `${d.group}|${d.location.file}|${d.location.startLine}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .map((d) => ({
          severity: 'low' as const,
          fingerprint: fingerprint('missing-description', d.resource, d.identity),
          title: `New ${d.direction ?? ''} rule on ${groupTitle(d.group)} has no description`.replace('  ', ' '),
          message: `Add a \`description\` saying who needs this access and why (up to 255 characters). It shows in the AWS console and makes the next review possible.`,
          resource: d.resource,
          location: d.location,
        }))
    );
  },
});
