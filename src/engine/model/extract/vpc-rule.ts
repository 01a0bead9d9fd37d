// aws_vpc_security_group_ingress_rule / _egress_rule: one rule, one peer.
import type { Value } from '../../evaluate/value.js';
import { cidrPeer, groupPeers, type HostBits, type PeerOrInvalid } from '../peer.js';
import type { Direction } from '../types.js';
import { peerChoices, type Extraction, type Instance } from './context.js';
import { prefixListPeers } from './prefix-list.js';
import { addOneRuleResource } from './declare-rules.js';

/** The argument that gives each kind of peer, in a resource type's own names. */
export interface PeerFields {
  ipv4: string;
  ipv6: string;
  prefixList: string;
  group: string;
  /** What a CIDR with host bits is for this resource type (default: invalid). */
  hostBits?: HostBits;
}

/**
 * The peers of a rule that takes one of each kind (this resource, awscc's rules and rule
 * objects): each value an argument can take (peerChoices); a group that is the rule's own is `self`.
 */
export function rulePeers(x: Extraction, group: string, fields: PeerFields, value: (name: string) => Value): PeerOrInvalid[] {
  const peers: PeerOrInvalid[] = [];
  for (const v4 of peerChoices(value(fields.ipv4))) peers.push(cidrPeer(v4, fields.ipv4, 4, fields.hostBits));
  for (const v6 of peerChoices(value(fields.ipv6))) peers.push(cidrPeer(v6, fields.ipv6, 6, fields.hostBits));
  for (const pl of peerChoices(value(fields.prefixList))) peers.push(...prefixListPeers(x, pl, fields.prefixList));
  for (const ref of peerChoices(value(fields.group)))
    for (const peer of groupPeers(ref, fields.group, x.groupNames))
      peers.push(peer.type === 'group' && peer.value === group ? { type: 'self', value: group } : peer);
  return peers;
}

const FIELDS: PeerFields = { ipv4: 'cidr_ipv4', ipv6: 'cidr_ipv6', prefixList: 'prefix_list_id', group: 'referenced_security_group_id' };

export function addVpcRule(x: Extraction, inst: Instance): void {
  const { decl } = inst;
  const direction: Direction = decl.type === 'aws_vpc_security_group_ingress_rule' ? 'ingress' : 'egress';
  const group = x.targetGroup(inst, 'security_group_id');
  const peers = rulePeers(x, group, FIELDS, (name) => x.attr(inst, name));
  addOneRuleResource(x, inst, { group, direction, peers, target: 'security_group_id' });
}
