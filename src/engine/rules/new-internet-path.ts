// new-internet-path: a group that exists at the base becomes reachable from the internet, or
// reachable in fewer hops (a tier is bypassed). Groups new in the head are info: their own
// rules carry the severity, so a new, properly tiered stack does not fail.
import { code } from '../findings/code-span.js';
import { isNothing } from '../access/access.js';
import { reachability } from '../access/paths.js';
import { intersect } from '../access/intervals.js';
import { fingerprint } from '../findings/finding.js';
import { describePorts } from '../model/protocol.js';
import { defineRule } from '../findings/define-rule.js';
import { attachedTo, sensitiveSet } from '../findings/opened-access.js';

export const newInternetPath = defineRule({
  id: 'new-internet-path',
  severity: 'high',
  summary: 'A group becomes reachable from the internet, or reachable in fewer hops.',
  check(ctx) {
    const before = reachability(ctx.base, ctx.config.max_hops);
    const after = reachability(ctx.head, ctx.config.max_hops);
    const findings = [];
    for (const [group, reach] of after) {
      const old = before.get(group);
      if (old && old.distance <= reach.distance) continue;
      const existed = ctx.baseGroups.has(group);
      const last = reach.path[reach.path.length - 1]!;
      const lastPorts = last.ports.map(([a, b]) => [BigInt(a), BigInt(b)] as const);
      const sensitive = last.protocol === 'all' || intersect(lastPorts, sensitiveSet(ctx.config, last.protocol)).length > 0;
      const severity = !existed ? 'info' : sensitive ? 'critical' : 'high';
      const chain = [
        'internet',
        ...reach.path.map((h) => `${code(h.to)} (${describePorts(h.protocol, h.ports)}${h.protocol === 'all' ? '' : `/${h.protocol}`})`),
      ].join(' → ');
      const exposed = attachedTo(ctx.head, group);
      const lines = [
        old
          ? `${code(group)} was ${old.distance} hop(s) from the internet and is now ${reach.distance}: a tier is bypassed.`
          : `${code(group)} is now reachable from the internet in ${reach.distance} hop(s).`,
        '',
        `Path: ${chain}`,
      ];
      if (exposed.length)
        lines.push(
          '',
          `${exposed.join(', ')} ${exposed.length > 1 ? 'are' : 'is'} now reachable from the internet on ${describePorts(last.protocol, last.ports)}${last.protocol === 'all' ? '' : `/${last.protocol}`}.`,
        );
      if (!existed) lines.push('', 'The group is new in this pull request; its own rules are reported separately.');
      lines.push('', 'Fix: keep the tiers: allow the internet only into the load balancer or bastion group, and allow the next tier only from that group.');
      findings.push({
        severity,
        fingerprint: fingerprint(
          'new-internet-path',
          group,
          reach.path.map((h) => [h.from, h.to, h.protocol]),
        ),
        title: old ? `${group} is now ${reach.distance} hop(s) from the internet (was ${old.distance})` : `${group} is now reachable from the internet`,
        message: lines.join('\n'),
        resource: group,
        // on the first hop this change opened: that is the line to fix
        location: (reach.via.find((r) => !isNothing(ctx.baseAccess.opened(r))) ?? reach.via[reach.via.length - 1]!).location,
        path: reach.path,
      } as const);
    }
    return findings;
  },
});
