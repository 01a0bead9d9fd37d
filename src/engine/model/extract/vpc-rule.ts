// aws_vpc_security_group_ingress_rule / _egress_rule: one rule, one peer.
import { peerValues } from '../../evaluate/alternatives.js';
import { cidrPeer, groupPeer, prefixListPeer, type PeerOrInvalid } from '../peer.js';
import type { Direction, RuleOrigin } from '../types.js';
import { location, type Extraction, type Instance } from './context.js';
import { addRules, standaloneRuleFields } from './declare-rules.js';

export function addVpcRule(x: Extraction, inst: Instance): void {
  const { decl } = inst;
  const direction: Direction = decl.type === 'aws_vpc_security_group_ingress_rule' ? 'ingress' : 'egress';
  const group = x.targetGroup(inst, 'security_group_id');
  const loc = location(decl);
  const peers: PeerOrInvalid[] = [];
  const v4 = x.attr(inst, 'cidr_ipv4');
  if (v4 !== null) peers.push(...peerValues(v4).map((c) => cidrPeer(c, 'cidr_ipv4', 4)));
  const v6 = x.attr(inst, 'cidr_ipv6');
  if (v6 !== null) peers.push(...peerValues(v6).map((c) => cidrPeer(c, 'cidr_ipv6', 6)));
  const pl = x.attr(inst, 'prefix_list_id');
  if (pl !== null) peers.push(...peerValues(pl).map(prefixListPeer));
  const ref = x.attr(inst, 'referenced_security_group_id');
  for (const peer of ref === null ? [] : peerValues(ref).map(groupPeer))
    peers.push(peer.type === 'group' && peer.value === group ? { type: 'self', value: group } : peer);
  x.recordPeerUnknowns(inst, 'peer', peers, loc);
  addRules(x, {
    group,
    direction,
    protocol: x.attr(inst, 'ip_protocol'),
    from: x.attr(inst, 'from_port'),
    to: x.attr(inst, 'to_port'),
    protocolField: 'ip_protocol',
    peers,
    origin: decl.type as RuleOrigin,
    // ports are optional here (none for -1 and icmp)
    ...standaloneRuleFields(x, inst, loc, ['ip_protocol']),
  });
}
