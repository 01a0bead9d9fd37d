// aws_vpc_security_group_ingress_rule / _egress_rule: one rule, one peer.
import { cidrPeer, groupPeers, type PeerOrInvalid } from '../peer.js';
import type { Direction } from '../types.js';
import { peerChoices, type Extraction, type Instance } from './context.js';
import { prefixListPeers } from './prefix-list.js';
import { addOneRuleResource } from './declare-rules.js';

export function addVpcRule(x: Extraction, inst: Instance): void {
  const { decl } = inst;
  const direction: Direction = decl.type === 'aws_vpc_security_group_ingress_rule' ? 'ingress' : 'egress';
  const group = x.targetGroup(inst, 'security_group_id');
  const peers: PeerOrInvalid[] = [];
  for (const v4 of peerChoices(x.attr(inst, 'cidr_ipv4'))) peers.push(cidrPeer(v4, 'cidr_ipv4', 4));
  for (const v6 of peerChoices(x.attr(inst, 'cidr_ipv6'))) peers.push(cidrPeer(v6, 'cidr_ipv6', 6));
  for (const pl of peerChoices(x.attr(inst, 'prefix_list_id'))) peers.push(...prefixListPeers(x, pl, 'prefix_list_id'));
  for (const ref of peerChoices(x.attr(inst, 'referenced_security_group_id'))) {
    for (const peer of groupPeers(ref, 'referenced_security_group_id', x.groupNames))
      peers.push(peer.type === 'group' && peer.value === group ? { type: 'self', value: group } : peer);
  }
  addOneRuleResource(x, inst, { group, direction, peers, target: 'security_group_id' });
}
