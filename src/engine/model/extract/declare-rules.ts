// One rule declaration (inline block or standalone resource) into the model: a declaration,
// and one AWS rule per peer with its protocol and ports normalised, or, when a known value is
// one AWS rejects, no rule at all and the invalid values (the apply fails: nothing opens).
import type { Declaration } from '../../evaluate/module-source.js';
import type { LocatedBlock } from '../../hcl/locate.js';
import { referencedNames } from '../../evaluate/references.js';
import { isEmptyValue, type Unknown, type Value } from '../../evaluate/value.js';
import { ruleProtocolAndPorts } from '../rule-fields.js';
import { resourceType, type PeerOrInvalid, type SetOutsidePeer } from '../peer.js';
import type { Direction, InvalidValue, Location, Peer, PeerKind, Rule, RuleDeclaration, RuleOrigin } from '../types.js';
import { createBeforeDestroy, location, stringOrNull, type Extraction, type Instance } from './context.js';

export interface RuleSpec {
  group: string;
  direction: Direction;
  protocol: Value;
  from: Value;
  to: Value;
  /** `protocol`, or `ip_protocol` in the vpc rule resources. */
  protocolField?: string;
  /** Required arguments known not to be written (see RuleFieldRules). */
  missing: string[];
  peers: PeerOrInvalid[];
  /** Where an attribute of the rule is written, when that can be told. */
  fieldLocation?: (field: string) => Location | undefined;
  description: string | null;
  origin: RuleOrigin;
  resource: string;
  location: Location;
  /** Instance.conditional. */
  conditional: Unknown | null;
  createBeforeDestroy: boolean;
  refs: string[];
  digest: string;
  /** Root variables with an empty default its peers read (see Rule). */
  emptyDefaults: string[];
  /** How each peer argument is written: reading something, or a literal (writtenPeerFields). */
  peerFields: Record<string, 'read' | 'literal'>;
  /** What the peers from `emptyDefaults` are (emptyDefaultKinds). */
  emptyDefaultsKinds: PeerKind[];
  /** The root variables set outside the repository that create the instance (Instance.setOutside). */
  setOutside: string[];
  /** Root variables with an empty default its target reads (see RuleDeclaration). */
  targetSetOutside?: string[];
}

/** What every standalone rule resource declares the same way, whatever its family. */
export function standaloneRuleFields(
  x: Extraction,
  inst: Instance,
  loc: Location,
  required: readonly string[],
  /** The argument naming the group the rule is added to. */
  target = 'security_group_id',
): Pick<
  RuleSpec,
  | 'description'
  | 'resource'
  | 'location'
  | 'fieldLocation'
  | 'conditional'
  | 'createBeforeDestroy'
  | 'refs'
  | 'digest'
  | 'emptyDefaults'
  | 'peerFields'
  | 'emptyDefaultsKinds'
  | 'missing'
  | 'setOutside'
  | 'targetSetOutside'
> {
  return {
    missing: notWritten(inst.decl.body, required),
    fieldLocation: (field) => fieldLocation(inst.decl, inst.decl.block, field),
    description: stringOrNull(x.attr(inst, 'description')),
    resource: inst.address,
    location: loc,
    conditional: inst.conditional,
    createBeforeDestroy: createBeforeDestroy(inst),
    ...declarationFacts(inst.decl.body),
    ...emptyDefaultFacts(inst, inst.decl.body, peerArguments(inst.decl.body)),
    setOutside: inst.setOutside,
    targetSetOutside: emptyDefaults(inst, [inst.decl.body[target]]),
  };
}

/**
 * A standalone rule resource of one peer that names its protocol `ip_protocol` and whose ports
 * are optional (none for -1 and icmp): the vpc rule resources and the awscc ones.
 */
export function addOneRuleResource(x: Extraction, inst: Instance, spec: { group: string; direction: Direction; peers: PeerOrInvalid[]; target: string }): void {
  const loc = location(inst.decl);
  x.recordPeerUnknowns(inst, 'peer', spec.peers, loc);
  addRules(x, {
    group: spec.group,
    direction: spec.direction,
    protocol: x.attr(inst, 'ip_protocol'),
    from: x.attr(inst, 'from_port'),
    to: x.attr(inst, 'to_port'),
    protocolField: 'ip_protocol',
    peers: spec.peers,
    origin: inst.decl.type as RuleOrigin,
    ...standaloneRuleFields(x, inst, loc, ['ip_protocol'], spec.target),
  });
}

/** The arguments a rule's peers are written in, in every rule family and inline blocks, with what they hold. */
const PEER_FIELDS: Record<string, PeerKind> = {
  cidr_blocks: 'addresses',
  ipv6_cidr_blocks: 'addresses',
  prefix_list_ids: 'prefix-lists',
  security_groups: 'security-groups',
  source_security_group_id: 'security-group',
  cidr_ipv4: 'addresses',
  cidr_ipv6: 'addresses',
  prefix_list_id: 'prefix-lists',
  referenced_security_group_id: 'security-group',
  // hashicorp/awscc
  cidr_ip: 'addresses',
  cidr_ipv_6: 'addresses',
  source_prefix_list_id: 'prefix-lists',
  destination_prefix_list_id: 'prefix-lists',
  destination_security_group_id: 'security-group',
  source_security_group_name: 'security-group',
};

/**
 * Where a rule's peers are written, in `written`: a rule resource's arguments (with its
 * `for_each`, whose `each` may carry them) or an inline block's; anything else (an element of
 * an `ingress = [...]` attribute that is not an object) whole.
 */
export function peerArguments(written: unknown): unknown[] {
  if (typeof written !== 'object' || written === null || Array.isArray(written)) return [written];
  return [...Object.keys(PEER_FIELDS), 'for_each'].map((f) => (written as Record<string, unknown>)[f]);
}

/** A rule body's empty defaults, what they hold, and how its peer arguments are written. */
export function emptyDefaultFacts(inst: Instance, written: unknown, peers: unknown[]): Pick<RuleSpec, 'emptyDefaults' | 'emptyDefaultsKinds' | 'peerFields'> {
  const names = emptyDefaults(inst, peers);
  return { emptyDefaults: names, emptyDefaultsKinds: emptyDefaultKinds(inst, written, names), peerFields: writtenPeerFields(written) };
}

const writtenFields = new WeakMap<object, RuleSpec['peerFields']>();

/**
 * How each peer argument of a rule body is written: `read` when it reads a variable, a local
 * or another object, `literal` when it is a value as such (`""`, `["0.0.0.0/0"]`), computed
 * once per body.
 */
export function writtenPeerFields(written: unknown): RuleSpec['peerFields'] {
  // a whole rule written as one expression (`ingress = var.rules`): every argument is read
  if (typeof written !== 'object' || written === null || Array.isArray(written))
    return referencedNames(written).length ? Object.fromEntries(Object.keys(PEER_FIELDS).map((f) => [f, 'read'] as const)) : {};
  let fields = writtenFields.get(written);
  if (!fields) {
    const body = written as Record<string, unknown>;
    const present = Object.keys(PEER_FIELDS).filter((f) => body[f] !== undefined);
    fields = Object.fromEntries(present.map((f) => [f, referencedNames(body[f]).length ? 'read' : 'literal'] as const));
    writtenFields.set(written, fields);
  }
  return fields;
}

/**
 * What the peer arguments reading `names` (root variables with an empty default) hold: those
 * whose own expression reads one; else (an element of a for_each passed in empty) every
 * argument that reads something; none for a rule written as one expression.
 */
export function emptyDefaultKinds(inst: Instance, written: unknown, names: readonly string[]): PeerKind[] {
  if (!names.length || typeof written !== 'object' || written === null || Array.isArray(written)) return [];
  const body = written as Record<string, unknown>;
  const fields = writtenPeerFields(written);
  const read = Object.keys(fields).filter((f) => fields[f] === 'read');
  const own = read.filter((f) => emptyDefaults(inst, [body[f]]).length > 0);
  return [...new Set((own.length ? own : read).map((f) => PEER_FIELDS[f]!))].sort();
}

/** The root variables the given arguments read whose default, used here, is empty. */
export function emptyDefaults(inst: Instance, peers: unknown[]): string[] {
  return inst.module.settableOutside(peers, isPlaceholder);
}

// "" too: the Terraform 0.11 idiom for a list passed in is a string default "" split on commas
const isPlaceholder = (v: Value) => isEmptyValue(v) || v === '';

const facts = new WeakMap<object, Pick<RuleSpec, 'refs' | 'digest'>>();

/**
 * The names a declaration references and its digest, computed once per declaration body: a
 * group's inline rules and a counted resource's instances all share them (once per rule, a
 * 2,000-group module spent a second re-serialising bodies).
 */
export function declarationFacts(body: Record<string, unknown>): Pick<RuleSpec, 'refs' | 'digest'> {
  let known = facts.get(body);
  if (!known) {
    known = { refs: referencedNames(body), digest: JSON.stringify(body) };
    facts.set(body, known);
  }
  return known;
}

/**
 * The required arguments a block or resource body does not write at all. Only a body as
 * written can tell: a value evaluating to null may be set outside the repository, and an
 * attribute list or an unknown dynamic item says nothing, so those give none.
 */
export function notWritten(body: unknown, required: readonly string[]): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  return required.filter((field) => !Object.hasOwn(body, field));
}

/** The line of `field` in a block, when it is written there. */
export function fieldLocation(decl: Declaration, block: LocatedBlock | null | undefined, field: string): Location | undefined {
  const span = block?.attributes.get(field);
  return span ? location(decl, span) : undefined;
}

export function addRules(x: Extraction, spec: RuleSpec): void {
  const fields = ruleProtocolAndPorts(spec.protocol, spec.from, spec.to, {
    protocolField: spec.protocolField,
    missing: spec.missing,
    // the aws provider's own check; CloudFormation ignores the ports of -1 as AWS does
    inline: spec.origin === 'inline' && resourceType(spec.resource) !== 'awscc_ec2_security_group',
  });
  const { protocol, ports, unresolved } = fields;
  const unknownPorts = perInstance(fields.unknownPorts, spec.resource);
  // An invalid protocol or port leaves nothing to compute access from; an invalid peer is
  // dropped alone, so a rule's valid peers compare across revisions (a block split into one
  // resource per CIDR still opens nothing new).
  // a peer that is an element of a collection passed in empty (each.key of for_each =
  // var.cidrs) is that collection's, set outside the repository like var.cidrs itself
  const callers = spec.peers.filter((p) => p.type === 'set-outside');
  const peers = fields.invalid.length ? [] : spec.peers.filter((p): p is Peer => p.type !== 'invalid' && p.type !== 'set-outside');
  // an empty CIDR or group id from a root variable's default "" (`split(",", var.cidrs)` is
  // [""], `source_security_group_id = var.alb_sg`) is the off state of a value whoever runs
  // Terraform passes, not one the apply fails on; a "" written as such in that argument is
  const passedIn = (p: PeerOrInvalid) => p.type === 'invalid' && p.value === '' && spec.emptyDefaults.length > 0 && spec.peerFields[p.field] === 'read';
  const invalidPeers = spec.peers.flatMap((p) => (p.type === 'invalid' && !passedIn(p) ? [p] : []));
  const invalid: InvalidValue[] = [...fields.invalid, ...invalidPeers.map(({ field, value, reason }) => ({ field, value, reason }))];
  for (const bad of invalid) {
    x.model.invalidRules.push({
      ...bad,
      group: spec.group,
      direction: spec.direction,
      resource: spec.resource,
      location: spec.fieldLocation?.(bad.field) ?? spec.location,
      ruleLocation: spec.location,
      refs: spec.refs,
      digest: spec.digest,
    });
  }
  for (const peer of peers) {
    const rule: Rule = {
      group: spec.group,
      direction: spec.direction,
      protocol,
      ports,
      peer,
      description: spec.description,
      origin: spec.origin,
      resource: spec.resource,
      location: spec.location,
      conditional: spec.conditional?.reason ?? null,
      conditionSetOutside: [...(spec.conditional?.setOutside ?? [])],
      unresolved: unresolved.length ? unresolved.join('; ') : null,
      unknownPorts,
      unresolvedSetOutside: fields.unresolvedSetOutside,
      refs: spec.refs,
      digest: spec.digest,
      emptyDefaults: spec.emptyDefaults,
      emptyDefaultsKinds: spec.emptyDefaultsKinds,
    };
    x.model.rules.push(rule);
  }
  const declaration: RuleDeclaration = {
    group: spec.group,
    direction: spec.direction,
    origin: spec.origin,
    resource: spec.resource,
    location: spec.location,
    description: spec.description,
    awsRules: peers.length,
    invalid: invalid.length > 0,
    protocol,
    ports,
    peersSetOutside: peers.length || invalid.length ? [] : setOutsideNames(spec, callers),
    peersSetOutsideKinds: spec.emptyDefaultsKinds,
    conditional: spec.conditional?.reason ?? null,
    references: peers.flatMap((p) => (p.type === 'group' ? [p.value] : [])),
    identity: [
      spec.direction,
      protocol,
      // unknown ports by their unknowns: `var.a` replaced by `var.b` is another rule
      unknownPorts ?? ports.join('-'),
      ...peers.map((p) => `${p.type}:${p.value}`).sort(),
      ...invalid.map((i) => `invalid:${i.field}=${i.value}`).sort(),
    ].join('|'),
    createBeforeDestroy: spec.createBeforeDestroy,
    targetSetOutside: spec.targetSetOutside ?? [],
  };
  x.model.declarations.push(declaration);
}

/**
 * The root variables a rule with no peer of its own takes them from: those its peers read
 * (`element(var.cidrs, count.index)`), else those that create it (`each.key` of `for_each =
 * toset(var.cidrs)`); never none when a peer was the callers'.
 */
function setOutsideNames(spec: RuleSpec, callers: SetOutsidePeer[]): string[] {
  const read = spec.emptyDefaults;
  if (read.length || !callers.length) return read;
  return spec.setOutside.length ? spec.setOutside : callers.map((p) => String(p.value));
}

/**
 * An unknown read per instance (`var.ports[each.key]`, `count.index`, also through a module
 * call's for_each) is another value in each instance: its identity carries the instance keys
 * of the address, so that a key added beside others is not covered by theirs.
 */
function perInstance(unknownPorts: string | null, resource: string): string | null {
  if (unknownPorts === null || !/\b(?:each\.(?:key|value)|count\.index)\b/.test(unknownPorts)) return unknownPorts;
  return `${unknownPorts} ${(resource.match(/\[[^\]]*\]/g) ?? []).join('')}`;
}
