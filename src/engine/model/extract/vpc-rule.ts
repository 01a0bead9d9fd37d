// aws_vpc_security_group_ingress_rule / _egress_rule: one rule, one peer.
import { referencedNames } from '../../evaluate/references.js';
import { cidrPeer, groupPeer, prefixListPeer } from '../peer.js';
import type { Direction, Peer, RuleOrigin } from '../types.js';
import { createBeforeDestroy, location, stringOrNull, type Extraction, type Instance } from './context.js';
import { addRules } from './declare-rules.js';

export function addVpcRule(x: Extraction, inst: Instance): void {
  const { decl } = inst;
  const direction: Direction = decl.type === 'aws_vpc_security_group_ingress_rule' ? 'ingress' : 'egress';
  const group = x.targetGroup(inst, 'security_group_id');
  const loc = location(decl);
  const peers: Peer[] = [];
  const v4 = x.attr(inst, 'cidr_ipv4');
  if (v4 !== null) peers.push(cidrPeer(v4));
  const v6 = x.attr(inst, 'cidr_ipv6');
  if (v6 !== null) peers.push(cidrPeer(v6));
  const pl = x.attr(inst, 'prefix_list_id');
  if (pl !== null) peers.push(prefixListPeer(pl));
  const ref = x.attr(inst, 'referenced_security_group_id');
  if (ref !== null) {
    const peer = groupPeer(ref);
    peers.push(peer.type === 'group' && peer.value === group ? { type: 'self', value: group } : peer);
  }
  x.recordPeerUnknowns(inst, 'peer', peers, loc);
  addRules(x, {
    group,
    direction,
    protocol: x.attr(inst, 'ip_protocol'),
    from: x.attr(inst, 'from_port'),
    to: x.attr(inst, 'to_port'),
    peers,
    description: stringOrNull(x.attr(inst, 'description')),
    origin: decl.type as RuleOrigin,
    resource: inst.address,
    location: loc,
    conditional: inst.conditional,
    createBeforeDestroy: createBeforeDestroy(inst),
    refs: referencedNames(inst.decl.body),
    digest: JSON.stringify(inst.decl.body),
  });
}
