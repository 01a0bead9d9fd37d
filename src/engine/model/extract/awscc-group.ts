// awscc_ec2_security_group (hashicorp/awscc, CloudFormation AWS::EC2::SecurityGroup): the rule
// objects of its security_group_ingress / security_group_egress lists, and the egress rule AWS
// creates with every group, which CloudFormation removes only when the group lists one or more
// egress rules (research: the AWS::EC2::SecurityGroup reference, SecurityGroupEgress).
import { Unknown, display, isObject, type Value } from '../../evaluate/value.js';
import { unknownPeer, type PeerOrInvalid } from '../peer.js';
import type { Direction, Group, Ownership, Rule } from '../types.js';
import { awsccPeers } from './awscc-rule.js';
import { listOf, location, stringOrNull, type Extraction, type Instance } from './context.js';
import { addRules, declarationFacts, emptyDefaultFacts, notWritten, peerArguments } from './declare-rules.js';

/**
 * Reads one direction's list and returns how the group owns it. A non-empty list is the
 * group's whole direction, as `ingress = [...]` is on aws_security_group (standalone rules on
 * it flap); no list, or an empty one, leaves the direction to others (and, for egress, keeps
 * the default rule). Removing a list changes nothing in AWS: the attribute is also computed, so
 * Terraform keeps the rules it last read.
 */
export function addAwsccRuleList(x: Extraction, inst: Instance, group: Group, direction: Direction): Ownership {
  const { decl } = inst;
  const name = `security_group_${direction}`;
  const raw = decl.body[name];
  const loc = location(decl, decl.block?.attributes.get(name));
  const value = x.attr(inst, name);
  const items: Value[] = value instanceof Unknown ? [value] : listOf(value);
  items.forEach((item, i) => {
    // as written: one element of a literal list, else the whole expression
    const written: unknown = Array.isArray(raw) && raw.length === items.length ? raw[i] : raw;
    group.inline[direction].push(loc);
    const known = !(item instanceof Unknown) && isObject(item);
    const u = known ? null : item instanceof Unknown ? item : new Unknown(display(item), 'not a rule object');
    if (u) x.unknown(u, name, inst.address, loc);
    const field = (f: string): Value => (known ? ((item as Record<string, Value>)[f] ?? null) : u);
    const peers: PeerOrInvalid[] = u ? [unknownPeer(u)] : awsccPeers(x, direction, group.address, field);
    x.recordPeerUnknowns(inst, name, peers, loc);
    addRules(x, {
      group: group.address,
      direction,
      protocol: field('ip_protocol'),
      from: field('from_port'),
      to: field('to_port'),
      protocolField: 'ip_protocol',
      missing: notWritten(written, ['ip_protocol']),
      peers,
      description: u ? null : stringOrNull(field('description')),
      origin: 'inline',
      resource: inst.address,
      location: loc,
      conditional: inst.conditional,
      createBeforeDestroy: false,
      ...declarationFacts(decl.body),
      ...emptyDefaultFacts(inst, written, peerArguments(written)),
      setOutside: inst.setOutside,
    });
  });
  if (value instanceof Unknown) return 'unknown';
  if (items.length) return 'attribute';
  if (direction === 'egress') x.model.rules.push(defaultEgress(inst, group));
  return 'unmanaged';
}

/** All traffic to 0.0.0.0/0: what EC2 gives a new group, IPv4 only. */
function defaultEgress(inst: Instance, group: Group): Rule {
  return {
    group: group.address,
    direction: 'egress',
    protocol: 'all',
    ports: [0, 65535],
    peer: { type: 'cidr', value: '0.0.0.0/0', family: 4 },
    description: 'the egress rule AWS creates with the group (no security_group_egress is given)',
    origin: 'inline',
    resource: inst.address,
    location: location(inst.decl),
    conditional: inst.conditional?.reason ?? null,
    conditionSetOutside: [...(inst.conditional?.setOutside ?? [])],
    unresolved: null,
    unknownPorts: null,
    unresolvedSetOutside: [],
    refs: [],
    digest: group.digest,
    emptyDefaults: [],
    emptyDefaultsKinds: [],
  };
}
