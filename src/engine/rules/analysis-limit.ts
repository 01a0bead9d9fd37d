// analysis-limit: the review hit one of its bounds (instances per resource, values per
// expression, expression depth, time budget). What lies beyond the bound became unknown, and
// since the PR controls its input, hitting a bound must never let the check pass quietly.
import { code } from '../findings/code-span.js';
import { defineRule } from '../findings/define-rule.js';
import { fingerprint } from '../findings/finding.js';
import type { LimitHit } from '../evaluate/limits.js';

const key = (h: LimitHit) => `${h.limit}|${h.file ?? ''}|${h.reason}`;

export const analysisLimit = defineRule({
  id: 'analysis-limit',
  severity: 'high',
  summary: 'The review hit one of its bounds, so part of the configuration was not analysed.',
  check(ctx) {
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
  },
});
