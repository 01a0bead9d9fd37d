// Turning evaluated values into peers and group keys.
import ipaddr from 'ipaddr.js';
import { Lazy, Ref, Unknown, display, type Value } from '../evaluate/value.js';
import type { Peer } from './types.js';

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
export const GROUP_TYPES = new Set(['aws_security_group', 'aws_default_security_group']);

/**
 * Canonical CIDR (AWS canonicalises host bits away, research/semantics.md §1.4), or an
 * unresolved peer that says why the value is not a CIDR.
 */
export function cidrPeer(raw: Value): Peer {
  if (raw instanceof Unknown) return { type: 'unresolved', value: raw.expr, reason: raw.reason, expected: 'cidr' };
  if (raw instanceof Ref) return { type: 'unresolved', value: raw.text, reason: `${raw.text} is known only after apply`, expected: 'cidr' };
  if (typeof raw !== 'string') return { type: 'unresolved', value: display(raw), reason: `${display(raw)} is not a CIDR`, expected: 'cidr' };
  const text = raw.trim();
  try {
    // an IPv6 address always holds a colon, an IPv4 one never: ipaddr.parseCIDR would try IPv6
    // first and throw, which costs ten times the parse (a second for a 2,000-group module)
    const [addr, len] = text.includes(':') ? ipaddr.IPv6.parseCIDR(text) : ipaddr.IPv4.parseCIDR(text);
    const family = addr.kind() === 'ipv4' ? 4 : 6;
    // An IPv4 block in ipv6_cidr_blocks is rejected by the provider; it is analysed by what
    // it is rather than dropped.
    const network = family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipv6Network(addr as ipaddr.IPv6, len);
    return { type: 'cidr', value: `${network.toString()}/${len}`, family };
  } catch {
    return { type: 'unresolved', value: text, reason: `"${text}" is not a valid CIDR block`, expected: 'cidr' };
  }
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
 * The key of the security group a value designates: a Terraform address for a group in the
 * configuration, a literal `sg-…` id, the reference text for another resource's attribute
 * (e.g. an EKS cluster's primary group), or null when unknown.
 */
export function groupKey(v: Value): string | null {
  if (v instanceof Ref) {
    const type = resourceType(v.address);
    if (GROUP_TYPES.has(type) && (v.attribute === 'id' || v.attribute === 'name' || v.attribute === '')) return v.address;
    return v.text;
  }
  if (typeof v === 'string' && v.trim() !== '') {
    // cross-account references look like "123456789012/sg-1a2b3c4d"
    return v.trim();
  }
  return null;
}

export function groupPeer(v: Value): Peer {
  if (v instanceof Unknown) return { type: 'unresolved', value: v.expr, reason: v.reason, expected: 'group' };
  if (v instanceof Lazy) return { type: 'unresolved', value: v.label, reason: 'a module, not a group id', expected: 'group' };
  const key = groupKey(v);
  if (key === null) return { type: 'unresolved', value: display(v), reason: `${display(v)} is not a security group id`, expected: 'group' };
  return { type: 'group', value: key };
}

export function prefixListPeer(v: Value): Peer {
  if (v instanceof Unknown) return { type: 'unresolved', value: v.expr, reason: v.reason, expected: 'prefix-list' };
  if (v instanceof Ref) return { type: 'prefix-list', value: v.text };
  if (typeof v === 'string' && v.trim()) return { type: 'prefix-list', value: v.trim() };
  return { type: 'unresolved', value: display(v), reason: `${display(v)} is not a prefix list id`, expected: 'prefix-list' };
}
