// unresolved-value: a changed rule whose peer, protocol or ports cannot be evaluated
// statically. An unknown is never treated as closed: the message says what was assumed.
import { fingerprint } from '../findings/finding.js';
import type { Rule } from '../model/types.js';
import { defineRule } from '../findings/define-rule.js';
import { describeAccess } from '../findings/opened-access.js';

export const unresolvedValue = defineRule({
  id: 'unresolved-value',
  severity: 'medium',
  summary: 'A changed rule has a peer, protocol or port that cannot be evaluated statically.',
  check(ctx) {
    const baseIdentities = new Set(ctx.base.declarations.map((d) => `${d.resource}|${d.identity}`));
    const byResource = new Map<string, { rule: Rule; what: string[] }>();
    for (const r of ctx.head.rules) {
      const problems: string[] = [];
      if (r.peer.type === 'unresolved') problems.push(`the ${r.direction === 'ingress' ? 'source' : 'destination'} \`${r.peer.value}\`: ${r.peer.reason}`);
      if (r.unresolved) problems.push(r.unresolved);
      if (!problems.length) continue;
      const key = `${r.resource}|${r.location.file}|${r.location.startLine}`;
      const entry = byResource.get(key) ?? { rule: r, what: [] };
      for (const p of problems) if (!entry.what.includes(p)) entry.what.push(p);
      byResource.set(key, entry);
    }
    const changed = new Set(
      ctx.head.declarations
        .filter((d) => !baseIdentities.has(`${d.resource}|${d.identity}`))
        .map((d) => `${d.resource}|${d.location.file}|${d.location.startLine}`),
    );
    return [...byResource.entries()]
      .filter(([key]) => changed.has(key))
      .map(([, { rule: r, what }]) => ({
        severity: 'medium' as const,
        fingerprint: fingerprint('unresolved-value', r.resource, what),
        title: `A rule on ${r.group} depends on values not known before apply`,
        message: [
          `sg-review cannot tell statically what \`${r.resource}\` opens (${r.direction} ${describeAccess(r.protocol, [r.ports])}${r.unresolved ? ', as assumed' : ''} on \`${r.group}\`):`,
          '',
          ...what.map((w) => `- ${w}`),
          '',
          'An unknown peer could be anything, including the internet, so this rule is not counted as safe. Give the value a default or a tfvars entry, or review what it will be at apply time.',
        ].join('\n'),
        resource: r.resource,
        location: r.location,
      }));
  },
});
