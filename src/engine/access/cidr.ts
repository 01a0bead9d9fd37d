// CIDR blocks as address intervals, and back to the minimal CIDR list.
import ipaddr from 'ipaddr.js';
import { intersect, isEmpty, normalise, size, subtract, toBlocks, type IntervalSet } from './intervals.js';

export type Family = 4 | 6;
export const BITS: Record<Family, number> = { 4: 32, 6: 128 };

function toBigInt(bytes: number[]): bigint {
  return bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

/** A CIDR block: its first address and prefix length. */
export interface Block {
  start: bigint;
  prefix: number;
}

type ParsedCidr = { family: Family; set: IntervalSet; block: Block };

const parsed = new Map<string, ParsedCidr>();

/** The address interval of a CIDR; memoised, since the same blocks recur across rules. */
export function cidrToSet(cidr: string): ParsedCidr {
  let hit = parsed.get(cidr);
  if (!hit) {
    hit = parseCidrSet(cidr);
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(cidr, hit);
  }
  return hit;
}

function parseCidrSet(cidr: string): ParsedCidr {
  const [addr, len] = ipaddr.parseCIDR(cidr);
  const family: Family = addr.kind() === 'ipv4' ? 4 : 6;
  const bits = BITS[family];
  const value = toBigInt(addr.toByteArray());
  const hostBits = BigInt(bits - len);
  const start = (value >> hostBits) << hostBits;
  return { family, set: [[start, start + (1n << hostBits) - 1n]], block: { start, prefix: len } };
}

function toAddress(value: bigint, family: Family): string {
  const bytes: number[] = [];
  for (let i = 0; i < BITS[family] / 8; i++) bytes.unshift(Number((value >> BigInt(8 * i)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

/** The minimal CIDR list covering exactly the set. */
export function setToCidrs(set: IntervalSet, family: Family): string[] {
  return toBlocks(set, BITS[family]).map((b) => `${toAddress(b.start, family)}/${b.prefix}`);
}

const PRIVATE: Record<Family, IntervalSet> = {
  4: normalise(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'].flatMap((c) => cidrToSet(c).set)),
  6: normalise(['fc00::/7', 'fe80::/10', '::1/128'].flatMap((c) => cidrToSet(c).set)),
};
const GLOBAL_UNICAST_6 = cidrToSet('2000::/3');

export type VpcSpace = Record<Family, IntervalSet>;

/** Where a VPC's addresses can lie: the private ranges AWS allows for a VPC, and for IPv6 global unicast (Amazon's) and unique local. */
const VPC_SPACE: VpcSpace = {
  4: normalise(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '198.19.0.0/16'].flatMap((c) => cidrToSet(c).set)),
  6: normalise(['2000::/3', 'fc00::/7'].flatMap((c) => cidrToSet(c).set)),
};

/**
 * The same with the configuration's own VPC ranges (`cidr_block` of its VPCs, subnets and VPC
 * CIDR associations): a VPC may also be on public addresses the account brings (BYOIP,
 * 52.0.0.0/16), and its members have those addresses. Ranges that do not parse are left out.
 */
export function vpcSpace(own: readonly string[]): VpcSpace {
  const more: Record<Family, IntervalSet[]> = { 4: [], 6: [] };
  for (const cidr of own) {
    if (!ipaddr.isValidCIDR(cidr)) continue;
    const { family, set } = cidrToSet(cidr);
    more[family].push(set);
  }
  return { 4: normalise([...VPC_SPACE[4], ...more[4].flat()]), 6: normalise([...VPC_SPACE[6], ...more[6].flat()]) };
}

/** True when the set may hold addresses of a network interface in a VPC (a group's members). */
export function mayHoldVpcAddresses(set: IntervalSet, family: Family, space: VpcSpace): boolean {
  return !isEmpty(intersect(set, space[family]));
}

/** True when the set holds addresses outside private, loopback and link-local space. */
export function hasPublicAddresses(set: IntervalSet, family: Family): boolean {
  return size(set) > size(intersect(set, PRIVATE[family]));
}

/**
 * "The internet": at least half the address space of the family, i.e. 0.0.0.0/0 or ::/0
 * give or take a few holes (0.0.0.0/0 minus 10.0.0.0/8 is still the internet). For IPv6 also
 * at least half of 2000::/3, the global unicast space every internet host is in (IANA): 2000::/3
 * is all of the IPv6 internet though it is an eighth of the space.
 */
export function isInternetWide(set: IntervalSet, family: Family): boolean {
  return coversInternet(family, (block) => size(intersect(set, [[block.start, block.start + (1n << BigInt(BITS[family] - block.prefix)) - 1n]])));
}

/** The same test told by how many addresses of a block are covered (`covered`), for sets kept as counts. */
export function coversInternet(family: Family, covered: (block: Block) => bigint): boolean {
  const bits = BITS[family];
  const all = covered({ start: 0n, prefix: 0 });
  if (all === 0n) return false;
  if (all >= 1n << BigInt(bits - 1)) return true;
  return family === 6 && covered(GLOBAL_UNICAST_6.block) >= 1n << BigInt(bits - GLOBAL_UNICAST_6.block.prefix - 1);
}

/** The number of addresses, as a prefix-length equivalent (/16 = 65,536 for IPv4). */
export function widerThan(set: IntervalSet, family: Family, prefix: number): boolean {
  return size(set) > 1n << BigInt(BITS[family] - prefix);
}

/**
 * The parts of the range `cidr` outside `part` (a part of it): how a reader names a narrowed or
 * partly opened range ("10.0.0.0/8 except 10.2.0.0/16") instead of `part` in pieces. None when
 * `part` is all of it, or `cidr` is not one range of the family.
 */
export function rangeExcept(cidr: string, part: IntervalSet, family: Family): string[] {
  try {
    const whole = cidrToSet(cidr);
    return whole.family === family ? setToCidrs(subtract(whole.set, part), family) : [];
  } catch {
    return [];
  }
}
