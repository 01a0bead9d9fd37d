// Turning evaluated values into peers and group keys.
import ipaddr from 'ipaddr.js';
import { InsideRange, templateRange } from '../evaluate/inside-range.js';
import { PartlyKnown } from '../evaluate/partly-known.js';
import { Lazy, Ref, Unknown, display, type Value } from '../evaluate/value.js';
import type { InvalidValue, Peer } from './types.js';

/**
 * The resource type of an address: `dir:module.a["k"].aws_security_group.x[0]` →
 * `aws_security_group` (the `dir:` label appears when a tree has several root modules).
 */
export function resourceType(address: string): string {
  return address
    .replace(/^[^:"[\]]*:/, '')
    .replace(/^(module\.[^.]+(\[[^\]]*\])?\.)*/, '')
    .split('.')[0]!;
}

/** Resource types whose `id` is a security group. */
export const GROUP_TYPES = new Set(['aws_security_group', 'aws_default_security_group', 'awscc_ec2_security_group']);

/** The attributes of a group resource that designate the group (awscc's `group_id` is its `id`). */
const GROUP_ATTRIBUTES = new Set(['id', 'name', 'group_id', 'group_name', '']);

/**
 * A peer; or one set outside the repository (an element of a collection passed in empty:
 * `each.key` of `for_each = var.cidrs`), the callers' with no rule of its own
 * (declare-rules.ts); or a known value the provider rejects (the rule's apply would fail).
 */
export type PeerOrInvalid = Peer | SetOutsidePeer | ({ type: 'invalid' } & InvalidValue);

export interface SetOutsidePeer {
  type: 'set-outside';
  value: string;
  reason: string;
  /** The root variables it comes from (Unknown.setOutside). */
  variables: readonly string[];
}

/** The peer an unknown value is: set outside the repository, or unresolved (with what it should have been, when told). */
export function unknownPeer(u: Unknown, expected?: { expected: 'cidr'; family: 4 | 6 } | { expected: 'group' | 'prefix-list' }): PeerOrInvalid {
  if (u.setOutside) return { type: 'set-outside', value: u.expr, reason: u.reason, variables: u.setOutside };
  return { type: 'unresolved', value: u.expr, reason: u.reason, ...expected };
}

// Go's parser (the provider's) takes four decimal octets without leading zeros, nothing else
const DOTTED_QUAD = /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/;

/**
 * What a block with host bits set is: the aws provider's validators refuse it (invalid, the
 * apply fails); awscc passes it through Cloud Control to EC2, which canonicalises it to its
 * network ("if you specify 100.68.0.18/18 … canonicalizes the CIDR block to 100.68.0.0/18",
 * research/semantics.md §1.4): `10.1.2.3/0` is 0.0.0.0/0.
 */
export type HostBits = 'invalid' | 'canonical';

/**
 * A CIDR peer read from `field`, which holds addresses of one family. The provider accepts only
 * a network address with a prefix length in the field's family (research/semantics.md §1.4),
 * so a known value that is anything else is invalid (but host bits, see HostBits); an unknown
 * one stays unresolved.
 */
export function cidrPeer(raw: Value, field: string, family: 4 | 6, hostBits: HostBits = 'invalid'): PeerOrInvalid {
  // an unknown range is still one of the field's family: inside 0.0.0.0/0 (or ::/0) whatever it is
  if (raw instanceof Unknown) {
    const peer = unknownPeer(raw, { expected: 'cidr', family });
    // a range inside a known one of the field's family reaches no further than it
    const range = raw instanceof InsideRange ? raw.range : raw instanceof PartlyKnown ? templateRange(raw.shape) : null;
    const within = range !== null && range.includes(':') === (family === 6) ? range : undefined;
    return peer.type === 'unresolved' && within ? { ...peer, within } : peer;
  }
  if (raw instanceof Ref) return { type: 'unresolved', value: raw.text, reason: `${raw.text} is known only after apply`, expected: 'cidr', family };
  if (typeof raw !== 'string' || raw.includes('${'))
    return { type: 'unresolved', value: display(raw), reason: `${display(raw)} is not a CIDR`, expected: 'cidr', family };
  const text = raw.trim();
  const invalid = (reason: string): PeerOrInvalid => ({ type: 'invalid', field, value: raw, reason });
  const [address = '', prefix] = text.split('/');
  if (prefix === undefined)
    return invalid(text ? `it has no prefix length (one address is \`${text}/${ipaddr.IPv6.isValid(text) ? 128 : 32}\`)` : 'it is empty');
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    // an IPv6 address always holds a colon, an IPv4 one never: ipaddr.parseCIDR would try IPv6
    // first and throw, which costs ten times the parse (a second for a 2,000-group module)
    if (text.includes(':')) parsed = ipaddr.IPv6.parseCIDR(text);
    else if (DOTTED_QUAD.test(address)) parsed = ipaddr.IPv4.parseCIDR(text);
    else throw new Error('not an address');
  } catch {
    return invalid('it is not a CIDR block');
  }
  const [addr, len] = parsed;
  const actual = addr.kind() === 'ipv4' ? 4 : 6;
  if (actual !== family) return invalid(`it is an IPv${actual} block in an IPv${family} field`);
  const network = actual === 4 ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipv6Network(addr as ipaddr.IPv6, len);
  const canonical = `${network.toString()}/${len}`;
  if (network.toString() !== addr.toString() && hostBits === 'invalid') return invalid(`it has host bits set: the network is \`${canonical}\``);
  return { type: 'cidr', value: canonical, family };
}

function ipv6Network(addr: ipaddr.IPv6, len: number): ipaddr.IPv6 {
  const bytes = addr.toByteArray();
  for (let i = 0; i < 16; i++) {
    const keep = Math.max(0, Math.min(8, len - i * 8));
    bytes[i] = bytes[i]! & ((0xff << (8 - keep)) & 0xff);
  }
  return ipaddr.fromByteArray(bytes) as ipaddr.IPv6;
}

/**
 * The configuration's groups by name (`name`, awscc's `group_name`, when known before apply).
 * A rule or resource may name a group instead of giving its id (the default VPC's form:
 * `security_groups = ["app"]`, awscc's `group_name`); several groups may share a name (in
 * other roots or VPCs): the name is then each of them.
 */
export type GroupNames = ReadonlyMap<string, readonly string[]>;

/**
 * The keys of the security groups a value designates: the Terraform address of a group in the
 * configuration (by reference, or by its name), a literal `sg-…` id or a name no group here has
 * (a group managed elsewhere), the reference text for another resource's attribute (e.g. an EKS
 * cluster's primary group); none when unknown.
 */
export function groupKeys(v: Value, names: GroupNames): string[] {
  if (v instanceof Ref) {
    const type = resourceType(v.address);
    if (GROUP_TYPES.has(type) && GROUP_ATTRIBUTES.has(v.attribute)) return [v.address];
    return [v.text];
  }
  if (typeof v === 'string' && v.trim() !== '') {
    // cross-account references look like "123456789012/sg-1a2b3c4d"
    const written = v.trim();
    return [...(names.get(written) ?? [written])];
  }
  return [];
}

/**
 * The group peers read from `field` (one, or each group sharing a name). An empty id is refused:
 * alone, the provider asks for a peer ("One of ['cidr_blocks', …, 'source_security_group_id',
 * 'prefix_list_ids'] must be set", terraform-aws-modules/terraform-aws-security-group#65); beside
 * one, the arguments conflict or AWS rejects the empty id. So a known "" is invalid; one from an
 * input's empty default is the callers' (declare-rules.ts).
 */
export function groupPeers(v: Value, field: string, names: GroupNames): PeerOrInvalid[] {
  if (v instanceof Unknown) return [unknownPeer(v, { expected: 'group' })];
  if (v instanceof Lazy) return [{ type: 'unresolved', value: v.label, reason: 'a module, not a group id', expected: 'group' }];
  if (typeof v === 'string' && v.trim() === '') return [{ type: 'invalid', field, value: v, reason: 'a security group id cannot be empty' }];
  const keys = groupKeys(v, names);
  if (!keys.length) return [{ type: 'unresolved', value: display(v), reason: `${display(v)} is not a security group id`, expected: 'group' }];
  return keys.map((key) => ({ type: 'group', value: key }));
}

export function prefixListPeer(v: Value): PeerOrInvalid {
  if (v instanceof Unknown) return unknownPeer(v, { expected: 'prefix-list' });
  if (v instanceof Ref) return { type: 'prefix-list', value: v.text };
  if (typeof v === 'string' && v.trim()) return { type: 'prefix-list', value: v.trim() };
  return { type: 'unresolved', value: display(v), reason: `${display(v)} is not a prefix list id`, expected: 'prefix-list' };
}
