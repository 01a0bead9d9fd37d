// awscc_ec2_security_group_ingress / _egress (hashicorp/awscc, the CloudFormation
// AWS::EC2::SecurityGroupIngress / Egress types through Cloud Control): one rule, one peer, in
// the resource types' own argument names (cidr_ipv_6 is the awscc spelling of CidrIpv6).
import type { Value } from '../../evaluate/value.js';
import { groupPeers, type PeerOrInvalid } from '../peer.js';
import type { Direction } from '../types.js';
import { peerChoices, type Extraction, type Instance } from './context.js';
import { addOneRuleResource } from './declare-rules.js';
import { rulePeers, type PeerFields } from './vpc-rule.js';

export const AWSCC_RULE_TYPES = new Set(['awscc_ec2_security_group_ingress', 'awscc_ec2_security_group_egress']);

// EC2 canonicalises a block with host bits, and awscc checks no CIDR (peer.ts HostBits)
const FIELDS: Record<Direction, PeerFields> = {
  ingress: { ipv4: 'cidr_ip', ipv6: 'cidr_ipv_6', prefixList: 'source_prefix_list_id', group: 'source_security_group_id', hostBits: 'canonical' },
  egress: { ipv4: 'cidr_ip', ipv6: 'cidr_ipv_6', prefixList: 'destination_prefix_list_id', group: 'destination_security_group_id', hostBits: 'canonical' },
};

/** The peer arguments of one awscc rule object (standalone, or an element of the group's lists). */
export function awsccPeers(x: Extraction, direction: Direction, group: string, value: (name: string) => Value): PeerOrInvalid[] {
  const peers = rulePeers(x, group, FIELDS[direction], value);
  // the source group by name (EC2-Classic and the default VPC)
  if (direction === 'ingress')
    for (const name of peerChoices(value('source_security_group_name'))) peers.push(...groupPeers(name, 'source_security_group_name', x.groupNames));
  return peers;
}

export function addAwsccRule(x: Extraction, inst: Instance): void {
  const { decl } = inst;
  const direction: Direction = decl.type === 'awscc_ec2_security_group_ingress' ? 'ingress' : 'egress';
  // an ingress rule names its group by id, or by name in the default VPC
  const target = direction === 'ingress' && decl.body['group_id'] === undefined && decl.body['group_name'] !== undefined ? 'group_name' : 'group_id';
  const group = x.targetGroup(inst, target);
  const peers = awsccPeers(x, direction, group, (name) => x.attr(inst, name));
  addOneRuleResource(x, inst, { group, direction, peers, target });
}
