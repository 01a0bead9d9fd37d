// aws_security_group / aws_default_security_group: the group, and its inline ingress and
// egress rules (blocks, attribute lists, dynamic blocks) with how the group owns each direction.
import { evaluateJson, unwrap, withNames } from '../../evaluate/evaluate.js';
import { PartlyKnown } from '../../evaluate/partly-known.js';
import { SET_OUTSIDE, Unknown, display, isObject, isTrue, type Value } from '../../evaluate/value.js';
import type { LocatedBlock } from '../../hcl/locate.js';
import { GROUP_TYPES, cidrPeer, groupPeers, unknownPeer, type PeerOrInvalid } from '../peer.js';
import type { ModuleInstance } from '../../evaluate/module.js';
import { append } from '../../append.js';
import type { Direction, Group, Location, Ownership } from '../types.js';
import { createBeforeDestroy, listOf, location, stringOrNull, type Extraction, type Instance } from './context.js';
import { addAwsccRuleList } from './awscc-group.js';
import { dynamicBlocks, iterations, knownIterationsOf } from './dynamic-blocks.js';
import { prefixListPeers } from './prefix-list.js';
import { addRules, declarationFacts, emptyDefaultFacts, emptyDefaults, fieldLocation, notWritten, peerArguments } from './declare-rules.js';

const DIRECTIONS: Direction[] = ['ingress', 'egress'];
/** Required in an inline block (research/semantics.md §2.1). */
const REQUIRED = ['protocol', 'from_port', 'to_port'];

/** Records the names of the groups of one module instance (`instances` expands count / for_each). */
export function collectGroupNames(x: Extraction, module: ModuleInstance, instances: (decl: Instance['decl']) => Iterable<Instance>): void {
  for (const decl of module.source.resources.values()) {
    if (!GROUP_TYPES.has(decl.type)) continue;
    for (const inst of instances(decl)) {
      const name = x.attrQuiet(inst, decl.type === 'awscc_ec2_security_group' ? 'group_name' : 'name');
      if (typeof name === 'string' && name.trim() !== '') append(x.groupNames, name.trim(), inst.address);
    }
  }
}

export function addGroup(x: Extraction, inst: Instance): void {
  const { decl } = inst;
  const block = decl.block;
  const templates: NonNullable<Group['templates']> = {};
  const text = (name: string, field: keyof typeof templates): string | null => {
    const v = x.attr(inst, name);
    if (v instanceof PartlyKnown) templates[field] = v.shape;
    // an empty default of an input set outside the repository (a module's `vpc_id = ""`, which
    // its callers replace) is no value they use: it stands for theirs, unknown
    const raw = decl.body[name];
    const outside = (v === null || v === '') && raw !== undefined ? emptyDefaults(inst, [raw]) : [];
    if (outside.length) return display(new Unknown(typeof raw === 'string' ? unwrap(raw) : JSON.stringify(raw), SET_OUTSIDE, outside));
    return v === null ? null : display(v);
  };
  const attributes: Record<string, Location> = Object.fromEntries([...(block?.attributes ?? [])].map(([name, span]) => [name, location(decl, span)]));
  const awscc = decl.type === 'awscc_ec2_security_group';
  const group: Group = {
    address: inst.address,
    type: decl.type as Group['type'],
    module: inst.module.address,
    name: text(awscc ? 'group_name' : 'name', 'name'),
    namePrefix: awscc ? null : text('name_prefix', 'namePrefix'),
    description: text(awscc ? 'group_description' : 'description', 'description'),
    vpcId: text('vpc_id', 'vpcId'),
    ...(Object.keys(templates).length ? { templates } : {}),
    createBeforeDestroy: createBeforeDestroy(inst),
    ownership: { ingress: 'unmanaged', egress: 'unmanaged' },
    inline: { ingress: [], egress: [] },
    location: location(decl),
    attributes,
    conditional: inst.conditional?.reason ?? null,
    digest: declarationFacts(decl.body).digest,
  };
  x.model.groups.push(group);
  for (const direction of DIRECTIONS)
    group.ownership[direction] = awscc ? addAwsccRuleList(x, inst, group, direction) : addInlineRules(x, inst, group, direction);
}

/** Reads the inline rules of one direction and returns how the group owns it. */
function addInlineRules(x: Extraction, inst: Instance, group: Group, direction: Direction): Ownership {
  const { decl } = inst;
  const block = decl.block;
  const raw = decl.body[direction];
  const staticBlocks = block?.blocks.filter((b) => b.type === direction) ?? [];
  const locatedDynamics = block?.blocks.filter((b) => b.type === 'dynamic' && b.labels[0] === direction) ?? [];
  const attributeSpan = block?.attributes.get(direction);
  const states: Ownership[] = [];

  if (raw !== undefined) {
    const asAttribute = attributeSpan !== undefined || !Array.isArray(raw);
    const value = Array.isArray(raw) ? raw.map((b) => evaluateJson(b, inst.scope)) : x.attr(inst, direction, raw);
    if (value instanceof Unknown) states.push('unknown');
    else if (Array.isArray(value) && value.length === 0) states.push('empty');
    else {
      states.push(asAttribute ? 'attribute' : 'blocks');
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, i) => {
        // as written: one element of a list (of blocks, or a literal list), or the whole expression
        const written: unknown = Array.isArray(raw) ? raw[i] : raw;
        const span = asAttribute ? attributeSpan : staticBlocks[i];
        const loc = location(decl, span);
        group.inline[direction].push(loc);
        addInlineRule(x, inst, group, direction, item, loc, { body: written }, asAttribute ? undefined : { located: staticBlocks[i], written });
      });
    }
  }
  dynamicBlocks(decl, direction).forEach((dyn, i) => {
    const loc = location(decl, locatedDynamics[i]);
    const contentBlock = locatedDynamics[i]?.blocks.find((b) => b.type === 'content');
    const forEach = x.attr(inst, `dynamic "${direction}" for_each`, dyn.forEach);
    const { iterator, written, content } = dyn;
    // unknown iterations: model one rule with unknown iterator values so nothing is silently closed
    const unknownIterations = (why: string, setOutside: string[] = []) => {
      states.push('unknown');
      group.inline[direction].push(loc);
      const outside = setOutside.length ? setOutside : undefined;
      const unknownIterator = { key: new Unknown(`${iterator}.key`, why, outside), value: new Unknown(`${iterator}.value`, why, outside) };
      const item = evaluateJson(content, withNames(inst.scope, { [iterator]: unknownIterator }));
      addInlineRule(x, inst, group, direction, item, loc, { body: content, forEach: dyn.forEach }, { located: contentBlock, written }, setOutside);
    };
    // partly known: a block per known element, and blocks for the elements not known
    const partial = knownIterationsOf(forEach, iterator);
    const entries = partial ? partial.entries : iterations(forEach);
    if (partial?.more) unknownIterations('for_each is partly unknown');
    if (entries === null) return unknownIterations('for_each is unknown');
    if (entries.length === 0) {
      // empty only by the default of a variable set outside the repository (`-var`, a tfvars
      // file of the pipeline): it yields the blocks whoever runs Terraform passes, as a resource
      // with such a for_each does (ModuleInstance.#switchedOffByDefault)
      const flags = inst.module.emptiedByDefault(dyn.forEach, inst.address);
      if (flags.length) unknownIterations(`for_each is 0 with the default of ${flags.join(', ')}, which can be ${SET_OUTSIDE}`, flags);
      return; // otherwise zero elements: the direction stays unmanaged
    }
    states.push('blocks');
    for (const [key, value] of entries) {
      group.inline[direction].push(loc);
      const item = evaluateJson(content, withNames(inst.scope, { [iterator]: { key, value } }));
      addInlineRule(x, inst, group, direction, item, loc, { body: content, forEach: dyn.forEach }, { located: contentBlock, written });
    }
  });
  if (states.includes('blocks')) return 'blocks';
  if (states.includes('attribute')) return 'attribute';
  if (states.includes('unknown')) return 'unknown';
  if (states.includes('empty')) return 'empty';
  return 'unmanaged';
}

/**
 * `peers`: the body its peers are written in (with a dynamic block's `for_each`, whose
 * iterator may carry them); `block`: the static block or dynamic `content` the rule's
 * attributes are written in (where, and its body as written), absent for the attribute form.
 */
function addInlineRule(
  x: Extraction,
  inst: Instance,
  group: Group,
  direction: Direction,
  item: Value,
  loc: Location,
  peers: { body: unknown; forEach?: unknown },
  block?: { located: LocatedBlock | undefined; written: unknown },
  setOutside: string[] = [],
): void {
  const rule = inlineFields(x, inst, group, direction, item, loc);
  addRules(x, {
    group: group.address,
    direction,
    ...rule,
    missing: notWritten(block?.written, REQUIRED),
    fieldLocation: (field) => fieldLocation(inst.decl, block?.located, field),
    origin: 'inline',
    resource: inst.address,
    location: loc,
    conditional: inst.conditional,
    createBeforeDestroy: false,
    ...declarationFacts(inst.decl.body),
    ...emptyDefaultFacts(inst, peers.body, [...peerArguments(peers.body), peers.forEach]),
    setOutside: [...inst.setOutside, ...setOutside],
  });
}

/** Protocol, ports, peers and description of one inline block (all unknown if it is). */
function inlineFields(x: Extraction, inst: Instance, group: Group, direction: Direction, item: Value, loc: Location) {
  if (item instanceof Unknown || !isObject(item)) {
    const u = item instanceof Unknown ? item : new Unknown(display(item), 'not a rule object');
    x.unknown(u, direction, inst.address, loc);
    const peers = [unknownPeer(u)];
    return { protocol: u as Value, from: u as Value, to: u as Value, peers, description: null };
  }
  const peers: PeerOrInvalid[] = [
    ...listOf(item['cidr_blocks']).map((c) => cidrPeer(c, 'cidr_blocks', 4)),
    ...listOf(item['ipv6_cidr_blocks']).map((c) => cidrPeer(c, 'ipv6_cidr_blocks', 6)),
    ...listOf(item['prefix_list_ids']).flatMap((pl) => prefixListPeers(x, pl, 'prefix_list_ids')),
    ...listOf(item['security_groups']).flatMap((g) => groupPeers(g, 'security_groups', x.groupNames)),
  ];
  const self = item['self'];
  // an unknown `self` is a boolean: at most the group itself, never an address range
  if (self instanceof Unknown || isTrue(self)) peers.push({ type: 'self', value: group.address });
  x.recordPeerUnknowns(inst, direction, peers, loc);
  return {
    protocol: item['protocol'] ?? null,
    from: item['from_port'] ?? null,
    to: item['to_port'] ?? null,
    peers,
    description: stringOrNull(item['description']),
  };
}
