// What findings share: severity order, stable fingerprints, the cause and related locations.
// The finding's shape is part of the output contract (../result.ts).
import { code } from './code-span.js';
import { createHash } from 'node:crypto';
import type { Severity } from '../settings.js';
import type { Location, RelatedLocation } from '../result.js';

export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/**
 * A stable id: the rule and the parts that identify the finding, never line numbers or file
 * order, so the same finding on a later push keeps its fingerprint.
 */
export function fingerprint(rule: string, ...parts: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([rule, ...parts]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Moves a finding to its cause (a changed module argument, tfvars value, variable default or
 * local) and keeps where it was (the rule that opens) as the first related location.
 */
export function atCause<F extends { location: Location; related?: RelatedLocation[] }>(finding: F, cause: Location, ruleMessage: string): F {
  return { ...finding, location: cause, related: [{ ...finding.location, message: ruleMessage }, ...(finding.related ?? [])] };
}

/** The related locations as markdown lines, for the summary and review comments. */
export function relatedText(finding: { related?: RelatedLocation[] | undefined }): string {
  return (finding.related ?? []).map((r) => `${r.message}: ${code(`${r.file}:${r.startLine}-${r.endLine}`)}`).join('\n');
}
