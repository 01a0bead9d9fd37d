// A resource that exists at the base and is given a group the internet already reaches (an
// open bastion group added to a database's groups) is newly reachable from the internet though
// no rule changed: the path to the resource is new. So is one that becomes internet-facing in
// a group the internet reaches (`publicly_accessible` false → true on a database whose group
// admits 0.0.0.0/0), and a new resource placed in such a group where the internet reaches a
// sensitive port. Groups that become reachable themselves are new-internet-path's own findings
// (they name what they are attached to); this is the path a changed attachment opens.
import type { Reach } from '../access/paths.js';
import { subtract, union, type IntervalSet } from '../access/intervals.js';
import type { Attachment, Model } from '../model/types.js';
import { groupsByResource } from '../model/attachments.js';

export interface AttachedExposure {
  /** The resource (existing at the base) that is newly reachable. */
  resource: string;
  attachment: Attachment;
  /** The group it is now attached to, through which the internet reaches it. */
  group: string;
  reach: Reach;
  /** What the resource is newly reachable on (per protocol), beyond what its base groups gave. */
  reachable: Map<string, IntervalSet>;
  /** Given the group; made internet-facing; or new, in a group the internet reached already. */
  cause: 'attached' | 'facing' | 'new';
}

/**
 * For each resource of the base the head attaches to a group it was not attached to at the
 * base, and which the internet reaches no closer than before (so the group has no finding of
 * its own): what that group newly lets the internet reach on the resource.
 */
export function attachedExposures(
  base: Model,
  head: Model,
  before: Map<string, Reach>,
  after: Map<string, Reach>,
  sensitive: (reachable: Map<string, IntervalSet>, attachment: Attachment) => boolean,
): AttachedExposure[] {
  const existing = new Set(base.resources.map((r) => r.address));
  // every group the base gives a resource: its own argument and attachments to its interface
  const baseGroups = groupsByResource(base);
  const privateAtBase = new Set(base.attachments.flatMap((a) => (a.internetFacing === false ? [a.resource] : [])));
  const out: AttachedExposure[] = [];
  for (const attachment of head.attachments) {
    // an interface endpoint's network interfaces have private addresses only
    if (attachment.type === 'aws_vpc_endpoint') continue;
    // an attachment to an interface whose owner cannot be told (a variable, a data source): an interface that exists
    const isNew = !existing.has(attachment.resource) && attachment.type !== 'aws_network_interface_sg_attachment';
    // a new resource with private addresses only is reached through the tiers, which paths review
    if (isNew && attachment.internetFacing === false) continue;
    const facing = !isNew && attachment.internetFacing === true && privateAtBase.has(attachment.resource);
    // what the internet reached on the resource through its base groups (nothing while it was private)
    const wasAttached = facing ? [] : (baseGroups.get(attachment.resource) ?? []);
    const covered = reachedThrough(wasAttached, before);
    for (const group of [...attachment.groups].sort()) {
      const reach = after.get(group);
      const old = before.get(group);
      if (!reach || !old || old.distance > reach.distance || wasAttached.includes(group)) continue;
      const reachable = beyond(reach.reachable, covered);
      if (!reachable.size || (isNew && !sensitive(reachable, attachment))) continue;
      out.push({ resource: attachment.resource, attachment, group, reach, reachable, cause: isNew ? 'new' : facing ? 'facing' : 'attached' });
    }
  }
  return out;
}

/** Every protocol and port the internet reaches on any of the groups. */
function reachedThrough(groups: string[], reach: Map<string, Reach>): Map<string, IntervalSet> {
  const out = new Map<string, IntervalSet>();
  for (const g of groups) for (const [protocol, ports] of reach.get(g)?.reachable ?? []) out.set(protocol, union(out.get(protocol) ?? [], ports));
  return out;
}

/** The traffic of `now` that `covered` does not carry (all traffic covers every protocol). */
function beyond(now: Map<string, IntervalSet>, covered: Map<string, IntervalSet>): Map<string, IntervalSet> {
  const out = new Map<string, IntervalSet>();
  const all = covered.get('all') ?? [];
  for (const [protocol, ports] of now) {
    const left = protocol === 'all' ? subtract(ports, all) : subtract(subtract(ports, covered.get(protocol) ?? []), all);
    if (left.length) out.set(protocol, protocol === 'all' ? ports : left);
  }
  return out;
}
