// Customer-managed prefix lists written in the configuration: `aws_ec2_managed_prefix_list`
// with `entry` blocks (also dynamic) and `aws_ec2_managed_prefix_list_entry` resources, and
// awscc's `awscc_ec2_prefix_list` with its `entries` list. Their
// entries are arguments, known before apply, so a rule that references such a list allows its
// entries' CIDRs (research/semantics.md §1.4): a list widened to 0.0.0.0/0 opens the rule to
// the internet. What is not known here stays an opaque prefix list: a list not written here
// (AWS-managed, a data source, a literal `pl-…`), one with no entry in this configuration, and
// the entries not known before apply (`cidr = data.aws_vpc.x.cidr_block`).
import { evaluateJson, withNames } from '../../evaluate/evaluate.js';
import { Ref, Unknown, isObject, type Value } from '../../evaluate/value.js';
import type { ModuleInstance } from '../../evaluate/module.js';
import { cidrPeer, prefixListPeer, resourceType, type PeerOrInvalid } from '../peer.js';
import type { Extraction, Instance } from './context.js';
import { dynamicBlocks, iterations } from './dynamic-blocks.js';

export const PREFIX_LIST = 'aws_ec2_managed_prefix_list';
export const PREFIX_LIST_ENTRY = 'aws_ec2_managed_prefix_list_entry';
/** awscc's list (AWS::EC2::PrefixList): its `entries` attribute, a list of `{ cidr, description }`. */
const AWSCC_PREFIX_LIST = 'awscc_ec2_prefix_list';

/** The attributes of a list resource that are its id, by type. */
const LIST_IDS: Readonly<Record<string, readonly string[]>> = { [PREFIX_LIST]: ['id'], [AWSCC_PREFIX_LIST]: ['id', 'prefix_list_id'] };

const isListId = (v: Value): v is Ref => v instanceof Ref && (LIST_IDS[resourceType(v.address)] ?? []).includes(v.attribute);

export interface PrefixListEntries {
  /** From `address_family`; null when it is not known (each entry then tells its own). */
  family: 4 | 6 | null;
  /** Each entry's `cidr`, evaluated (an Unknown when it is not known here). */
  cidrs: Value[];
}

/** Records the prefix lists and entries of one module instance (`instances` expands count / for_each). */
export function collectPrefixLists(x: Extraction, module: ModuleInstance, instances: (decl: Instance['decl']) => Iterable<Instance>): void {
  for (const decl of module.source.resources.values()) {
    if (decl.type === PREFIX_LIST || decl.type === AWSCC_PREFIX_LIST) for (const inst of instances(decl)) addList(x, inst);
    else if (decl.type === PREFIX_LIST_ENTRY)
      for (const inst of instances(decl)) {
        const list = x.attrQuiet(inst, 'prefix_list_id');
        // an entry of a list outside the configuration (a literal id, a data source) adds to no list of ours
        if (list instanceof Ref && resourceType(list.address) === PREFIX_LIST && list.attribute === 'id')
          listOf(x, list.address).cidrs.push(x.attrQuiet(inst, 'cidr'));
      }
  }
}

function listOf(x: Extraction, address: string): PrefixListEntries {
  return x.prefixLists.get(address) ?? x.prefixLists.set(address, { family: null, cidrs: [] }).get(address)!;
}

function addList(x: Extraction, inst: Instance): void {
  const list = listOf(x, inst.address);
  const family = x.attrQuiet(inst, 'address_family');
  list.family = family === 'IPv4' ? 4 : family === 'IPv6' ? 6 : null;
  const cidrOf = (entry: Value): Value => (isObject(entry) ? (entry['cidr'] ?? null) : entry);
  if (inst.decl.type === AWSCC_PREFIX_LIST) {
    const entries = x.attrQuiet(inst, 'entries');
    // a list not known here: one unknown entry, so the rule is never read as allowing nothing
    if (entries instanceof Unknown) list.cidrs.push(entries);
    else for (const entry of Array.isArray(entries) ? entries : []) list.cidrs.push(entry instanceof Unknown ? entry : cidrOf(entry));
    return;
  }
  const written = inst.decl.body['entry'];
  for (const block of Array.isArray(written) ? written : written === undefined ? [] : [written]) list.cidrs.push(cidrOf(evaluateJson(block, inst.scope)));
  for (const dyn of dynamicBlocks(inst.decl, 'entry')) {
    const entries = iterations(evaluateJson(dyn.forEach, inst.scope));
    // entries not known here: one unknown entry, so the rule is never read as allowing nothing
    if (entries === null) list.cidrs.push(new Unknown(`${dyn.iterator}.value`, `the entries of ${inst.address} come from a for_each that is unknown`));
    else for (const [key, value] of entries) list.cidrs.push(cidrOf(evaluateJson(dyn.content, withNames(inst.scope, { [dyn.iterator]: { key, value } }))));
  }
}

/**
 * The peers a `prefix_list_id(s)` value stands for: the known entries of a list written in the
 * configuration, each a CIDR peer, and the list itself, opaque, for what is not known here (an
 * entry not known before apply, or a list with no entry written here).
 */
export function prefixListPeers(x: Extraction, v: Value, field: string): PeerOrInvalid[] {
  const list = isListId(v) ? x.prefixLists.get(v.address) : undefined;
  const known = (list?.cidrs ?? []).filter((cidr) => !(cidr instanceof Unknown));
  const peers = known.map((cidr) => cidrPeer(cidr, field, list!.family ?? (typeof cidr === 'string' && cidr.includes(':') ? 6 : 4)));
  return known.length === list?.cidrs.length && known.length ? peers : [...peers, prefixListPeer(v)];
}
