// The group of an internet-facing load balancer is the entry tier: the internet reaching it on
// a port allowed to be public is what such a load balancer is for. Only a group that belongs
// to internet-facing load balancers and to nothing else counts; a group an instance, a task or
// a database also uses is not an entry, whatever else holds it.
import { isEmpty, subtract, type IntervalSet } from '../access/intervals.js';
import { LOAD_BALANCERS } from '../model/attachments.js';
import { hasPorts, isIcmp } from '../model/protocol.js';
import type { Model } from '../model/types.js';
import type { ReviewSettings } from '../settings.js';
import { allowedPublicSet } from './opened-access.js';

/** The internet-facing load balancers a group belongs to, when it belongs to nothing else; otherwise none. */
export function entryLoadBalancers(model: Model, group: string): string[] {
  const attached = model.attachments.filter((a) => a.groups.includes(group));
  return attached.length && attached.every((a) => LOAD_BALANCERS.has(a.type) && a.internetFacing === true) ? attached.map((a) => a.resource) : [];
}

/** Whether every protocol and port is a port allowed to be public (never all traffic, never ICMP). */
export function onAllowedPublicPorts(reachable: [string, IntervalSet][], config: Pick<ReviewSettings, 'allowed_public_ports'>): boolean {
  const allowed = allowedPublicSet(config);
  return reachable.length > 0 && reachable.every(([protocol, ports]) => hasPorts(protocol) && !isIcmp(protocol) && isEmpty(subtract(ports, allowed)));
}
