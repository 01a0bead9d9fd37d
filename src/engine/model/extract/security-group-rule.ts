// aws_security_group_rule: one standalone rule, ingress or egress by its `type`.
import { Unknown, display, isTrue } from '../../evaluate/value.js';
import { cidrPeer, groupPeers, type PeerOrInvalid } from '../peer.js';
import type { Direction } from '../types.js';
import { listOf, location, peerChoices, type Extraction, type Instance } from './context.js';
import { prefixListPeers } from './prefix-list.js';
import { addRules, standaloneRuleFields } from './declare-rules.js';

const DIRECTIONS: Direction[] = ['ingress', 'egress'];
/** Required by the provider's schema (research/semantics.md §2.2). */
const REQUIRED = ['protocol', 'from_port', 'to_port'];

export function addLegacyRule(x: Extraction, inst: Instance): void {
  const { decl } = inst;
  const type = x.attr(inst, 'type');
  const direction: Direction | null = type === 'ingress' || type === 'egress' ? type : null;
  const group = x.targetGroup(inst, 'security_group_id');
  const loc = location(decl);
  const peers: PeerOrInvalid[] = [
    ...listOf(x.attr(inst, 'cidr_blocks')).map((c) => cidrPeer(c, 'cidr_blocks', 4)),
    ...listOf(x.attr(inst, 'ipv6_cidr_blocks')).map((c) => cidrPeer(c, 'ipv6_cidr_blocks', 6)),
    ...listOf(x.attr(inst, 'prefix_list_ids')).flatMap((pl) => prefixListPeers(x, pl, 'prefix_list_ids')),
    ...peerChoices(x.attr(inst, 'source_security_group_id')).flatMap((g) => groupPeers(g, 'source_security_group_id', x.groupNames)),
  ];
  const self = x.attr(inst, 'self');
  // an unknown `self` is a boolean: at most the group itself, never an address range
  if (self instanceof Unknown || isTrue(self)) peers.push({ type: 'self', value: group });
  x.recordPeerUnknowns(inst, 'peer', peers, loc);
  const directions: Direction[] = direction ? [direction] : DIRECTIONS;
  if (!direction) x.unknown(type instanceof Unknown ? type : new Unknown(display(type), 'type must be "ingress" or "egress"'), 'type', inst.address, loc);
  for (const d of directions) {
    addRules(x, {
      group,
      direction: d,
      protocol: x.attr(inst, 'protocol'),
      from: x.attr(inst, 'from_port'),
      to: x.attr(inst, 'to_port'),
      peers,
      origin: 'aws_security_group_rule',
      ...standaloneRuleFields(x, inst, loc, REQUIRED),
    });
  }
}
