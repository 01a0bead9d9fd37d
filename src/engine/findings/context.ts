// What every finding rule receives.
import type { Config } from '../../config/schema.js';
import { AccessIndex } from '../access/access.js';
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
