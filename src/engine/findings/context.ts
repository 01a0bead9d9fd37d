// What every finding rule receives.
import type { ReviewSettings } from '../settings.js';
import { AccessIndex } from '../access/access.js';
import { InternetUnion } from '../access/internet-union.js';
import { reachability, type Reach } from '../access/paths.js';
import type { Model } from '../model/types.js';
import { endpointOnlyGroups } from '../model/attachments.js';
import type { AddressChange } from './address-changes.js';

export interface ReviewContext {
  /** The merge base, with addresses renamed by `moved` blocks (and address changes) to their head names. */
  base: Model;
  head: Model;
  config: ReviewSettings;
  /** What the base is known to allow: a rule on unknown ports covers only the same unknowns. */
  baseAccess: AccessIndex;
  headAccess: AccessIndex;
  /** Where each revision's ingress CIDR rules of a group (with those of the groups attached with it) together admit the internet. */
  baseInternet: InternetUnion;
  headInternet: InternetUnion;
  /** The same for egress: where they together reach the internet. */
  baseInternetEgress: InternetUnion;
  headInternetEgress: InternetUnion;
  /** Groups only VPC interface endpoints use, in each revision (model/attachments.ts). */
  baseEndpointOnly: ReadonlySet<string>;
  headEndpointOnly: ReadonlySet<string>;
  /** Group addresses that exist in the base (after `moved`). */
  baseGroups: Set<string>;
  /** Group addresses the head declares (`aws_security_group`, `aws_default_security_group`). */
  headGroups: Set<string>;
  /** Groups whose address changed with no `moved` block: destroyed and created again. */
  addressChanges: AddressChange[];
  /** The files the change adds, removes or edits; null when the caller did not say. */
  changedFiles: ReadonlySet<string> | null;
  /**
   * A revision's groups reachable from the internet within `max_hops + 1` hops, walked once on
   * first use: new-internet-path reads the walk to `max_hops`, the hop bound the hop beyond.
   */
  reach(revision: 'base' | 'head'): Map<string, Reach>;
}

export function createContext(
  base: Model,
  head: Model,
  config: ReviewSettings,
  addressChanges: AddressChange[] = [],
  changedFiles?: readonly string[],
): ReviewContext {
  const baseInternet = new InternetUnion(base, 'ingress');
  const headInternet = new InternetUnion(head, 'ingress');
  const baseInternetEgress = new InternetUnion(base, 'egress');
  const headInternetEgress = new InternetUnion(head, 'egress');
  const baseEndpointOnly = endpointOnlyGroups(base);
  const headEndpointOnly = endpointOnlyGroups(head);
  let baseWalk: Map<string, Reach> | undefined;
  let headWalk: Map<string, Reach> | undefined;
  const hops = config.max_hops + 1;
  return {
    base,
    head,
    config,
    baseAccess: new AccessIndex(base.rules, 'same-unknown'),
    headAccess: new AccessIndex(head.rules),
    baseInternet,
    headInternet,
    baseInternetEgress,
    headInternetEgress,
    baseEndpointOnly,
    headEndpointOnly,
    baseGroups: new Set(base.groups.map((g) => g.address)),
    headGroups: new Set(head.groups.map((g) => g.address)),
    addressChanges,
    changedFiles: changedFiles ? new Set(changedFiles) : null,
    reach: (revision) =>
      revision === 'base'
        ? (baseWalk ??= reachability(base, hops, { inbound: baseInternet, outbound: baseInternetEgress, endpointOnly: baseEndpointOnly }))
        : (headWalk ??= reachability(head, hops, { inbound: headInternet, outbound: headInternetEgress, endpointOnly: headEndpointOnly })),
  };
}
