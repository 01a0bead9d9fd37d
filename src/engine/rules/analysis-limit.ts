// analysis-limit: the review hit one of its bounds (instances per resource, values per
// expression, expression depth, time budget, hops of an internet path). What lies beyond the
// bound became unknown, and since the PR controls its input, hitting a bound must never let the
// check pass quietly: one more group in a chain must not turn a critical path into a pass.
import { code } from '../findings/code-span.js';
import { defineRule } from '../findings/define-rule.js';
import { fingerprint } from '../findings/finding.js';
import type { LimitHit } from '../evaluate/limits.js';
import { isEmpty, subtract, union } from '../access/intervals.js';
import type { Model } from '../model/types.js';
import type { Reach } from '../access/paths.js';
import type { RuleFinding } from '../result.js';

const key = (h: LimitHit) => `${h.limit}|${h.file ?? ''}|${h.reason}|${h.inputs ?? ''}`;

export const analysisLimit = defineRule({
  id: 'analysis-limit',
  severity: 'high',
  summary: 'The review hit one of its bounds, so part of the configuration was not analysed.',
  check(ctx) {
    return [...evaluationLimits(ctx), ...hopLimit(ctx.reach('base'), ctx.reach('head'), ctx.config.max_hops)];
  },
});

function evaluationLimits(ctx: { base: Model; head: Model }): RuleFinding[] {
  const atBase = new Set((ctx.base.limits ?? []).map(key));
  const fallbackFile = ctx.head.files[0] ?? '';
  return (ctx.head.limits ?? []).map((h) => {
    const file = h.file ?? fallbackFile;
    const old = atBase.has(key(h));
    return {
      severity: old ? ('low' as const) : ('high' as const),
      fingerprint: fingerprint('analysis-limit', h.limit, file, h.reason),
      title: `The review hit its ${code(h.limit)} bound`,
      message: [
        `${h.reason}${h.file ? `, at ${code(h.file)} line ${h.line}` : ''}.`,
        'What lies beyond the bound was not evaluated: the values it produces are unknown, so the review cannot say everything this change opens.',
        old
          ? 'The base revision hits the same bound.'
          : h.limit === 'review_memory'
            ? 'Simplify the configuration, or raise the memory of one review on the server (`SG_REVIEW_ENGINE_MEMORY_MB`) if the size is intended.'
            : `Simplify the configuration, or raise ${code(h.limit)} in \`.github/sg-review.yml\` if the size is intended.`,
      ].join('\n\n'),
      resource: file,
      location: { file, startLine: h.line, endLine: h.line },
    };
  });
}

/**
 * Groups the internet reaches only beyond `max_hops`, by the path one hop longer; low when the
 * base reached them so on the same ports. A group only interface endpoints use counts too: no
 * target itself, it is a step, and what lies beyond it (a database) was not walked.
 */
function hopLimit(base: Map<string, Reach>, head: Map<string, Reach>, maxHops: number): RuleFinding[] {
  const beyond = (reach: Map<string, Reach>) => [...reach].filter(([, r]) => r.distance > maxHops);
  const cut = beyond(head);
  if (!cut.length) return [];
  // old only where the base reached the same group beyond the bound on every protocol and port
  // the head does: a port opened along a chain already past the bound is new
  const before = new Map(beyond(base));
  const old = cut.every(([g, r]) => {
    const was = before.get(g);
    return (
      !!was && [...r.reachable].every(([protocol, ports]) => isEmpty(subtract(ports, union(was.reachable.get(protocol) ?? [], was.reachable.get('all') ?? []))))
    );
  });
  const [group, reach] = cut[0]!;
  const last = reach.via.at(-1)!;
  const names = cut.map(([g]) => code(g));
  return [
    {
      severity: old ? 'low' : 'high',
      fingerprint: fingerprint('analysis-limit', 'max_hops', group),
      title: 'The review hit its `max_hops` bound',
      message: [
        `${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''} ${names.length > 1 ? 'are' : 'is'} reachable from the internet in more than ${maxHops} hops (\`max_hops\`), so what ${names.length > 1 ? 'they are' : 'it is'} reachable on, and what lies beyond, was not reviewed.`,
        old ? 'The base revision hits the same bound.' : 'Check the chain of groups, or raise `max_hops` in `.github/sg-review.yml`.',
      ].join('\n\n'),
      resource: group,
      location: last.location,
    },
  ];
}
