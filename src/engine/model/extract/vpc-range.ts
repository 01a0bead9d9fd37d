// The address ranges of the configuration's own VPCs: `cidr_block` (and `ipv6_cidr_block`) of
// its VPCs, subnets and VPC CIDR associations, when known here. Members of its groups have
// these addresses, also when a VPC is on public addresses the account brings (BYOIP), so paths
// count them as VPC space (access/cidr.ts vpcSpace). Not known here, a range adds nothing: the
// private ranges already count.
import { cidrPeer } from '../peer.js';
import type { Extraction, Instance } from './context.js';

export const VPC_RANGE_TYPES = new Set(['aws_vpc', 'aws_subnet', 'aws_vpc_ipv4_cidr_block_association', 'aws_vpc_ipv6_cidr_block_association']);

export function addVpcRanges(x: Extraction, inst: Instance): void {
  for (const [field, family] of [
    ['cidr_block', 4],
    ['ipv6_cidr_block', 6],
  ] as const) {
    const peer = cidrPeer(x.attrQuiet(inst, field), field, family);
    if (peer.type === 'cidr') (x.model.vpcRanges ??= []).push(peer.value);
  }
}
