// What every finding rule receives, and the shape of a rule module.
import type { Config, Severity } from '../../config/schema.js';
import { AccessIndex } from '../access/access.js';
import type { Finding } from '../findings/finding.js';
import type { Model } from '../model/types.js';

export interface ReviewContext {
  /** The merge base, with addresses renamed by `moved` blocks to their head names. */
  base: Model;
  head: Model;
  config: Config;
  baseAccess: AccessIndex;
  headAccess: AccessIndex;
  /** Group addresses that exist in the base (after `moved`). */
  baseGroups: Set<string>;
}

export interface FindingRule {
  id: string;
  defaultSeverity: Severity;
  /** One line for the rule table in docs and SARIF. */
  summary: string;
  /** Path of the rule's documentation page, relative to the repository. */
  docs: string;
  check(ctx: ReviewContext): Omit<Finding, 'suppressed'>[];
}

export function createContext(base: Model, head: Model, config: Config): ReviewContext {
  return {
    base,
    head,
    config,
    baseAccess: new AccessIndex(base.rules),
    headAccess: new AccessIndex(head.rules),
    baseGroups: new Set(base.groups.map((g) => g.address)),
  };
}
