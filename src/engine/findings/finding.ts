// The shape every finding rule produces (PRODUCT.md §3, §5).
import { createHash } from 'node:crypto';
import type { Severity } from '../settings.js';
import type { Direction, Location, Peer } from '../model/types.js';
import type { RuleId } from '../rules/registry.js';

export interface Hop {
  from: string;
  to: string;
  protocol: string;
  ports: [number, number][];
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  fingerprint: string;
  title: string;
  message: string;
  resource: string;
  /** Where the change that caused it is, in the head revision (PRODUCT.md §3). */
  location: Location;
  suppressed: boolean;
  suppression?: string;
  /** A suppression this change adds or changes: not applied until approved (its reason). */
  suppressionPending?: string;
  access?: {
    direction: Direction;
    group: string;
    protocol: string;
    opened: { peer: Peer | { type: 'cidr'; value: string }; ports: [number, number][] }[];
  };
  path?: Hop[];
  /** Where the opening rule is when the finding sits on the change that caused it elsewhere. */
  related?: RelatedLocation[];
}

export interface RelatedLocation extends Location {
  message: string;
}

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
export function relatedText(finding: Pick<Finding, 'related'>): string {
  return (finding.related ?? []).map((r) => `${r.message}: \`${r.file}:${r.startLine}-${r.endLine}\``).join('\n');
}
