// missing-description: a new rule has no description, so the next reviewer cannot tell why
// it exists.
import { fingerprint } from '../findings/finding.js';
import type { FindingRule } from './context.js';

export const missingDescription: FindingRule = {
  id: 'missing-description',
  defaultSeverity: 'low',
  summary: 'A new rule has no description.',
  docs: 'docs/rules/missing-description.md',
  check(ctx) {
    const before = new Set(ctx.base.declarations.map((d) => `${d.resource}|${d.identity}`));
    const seen = new Set<string>();
    return ctx.head.declarations
      .filter((d) => !d.description?.trim() && !before.has(`${d.resource}|${d.identity}`))
      .filter((d) => {
        const key = `${d.resource}|${d.location.file}|${d.location.startLine}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((d) => ({
        rule: 'missing-description',
        severity: 'low' as const,
        fingerprint: fingerprint('missing-description', d.resource, d.identity),
        title: `New ${d.direction ?? ''} rule on ${d.group} has no description`.replace('  ', ' '),
        message: `Add a \`description\` saying who needs this access and why (up to 255 characters). It shows in the AWS console and makes the next review possible.`,
        resource: d.resource,
        location: d.location,
      }));
  },
};
