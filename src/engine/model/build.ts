// Builds the model of a configuration: every security group, rule and attachment, evaluated
// statically and located in the source.
import { posix } from 'node:path';
import type { LocatedBlock, Span } from '../hcl/locate.js';
import type { ParsedFile } from '../hcl/parse.js';
import { evaluateJson, withNames, type Scope } from '../evaluate/evaluate.js';
import {
  ModuleInstance,
  ModuleSource,
  instanceAddress,
  localModuleDir,
  referencedNames,
  type Declaration,
  type ModuleDiagnostics,
} from '../evaluate/module.js';
import { Lazy, Ref, Unknown, display, isObject, toNumberValue, type Value } from '../evaluate/value.js';
import { ATTACHMENT_KINDS, readPath } from './attachments.js';
import { GROUP_TYPES, cidrPeer, groupKey, groupPeer, prefixListPeer } from './peer.js';
import { normalisePorts, normaliseProtocol } from './protocol.js';
import type { Direction, Group, Location, Model, Ownership, Peer, Rule, RuleDeclaration, RuleOrigin } from './types.js';

const DIRECTIONS: Direction[] = ['ingress', 'egress'];

/** Builds the model of every module in the given files (paths relative to one root). */
export function buildModel(files: ParsedFile[]): Model {
  const byDir = new Map<string, ParsedFile[]>();
  for (const f of files) {
    const dir = posix.dirname(f.path);
    const key = dir === '.' ? '' : dir;
    if (!byDir.has(key)) byDir.set(key, []);
    byDir.get(key)!.push(f);
  }
  const sources = new Map<string, ModuleSource>();
  for (const [dir, list] of byDir) {
    if (list.some((f) => f.path.endsWith('.tf') || f.path.endsWith('.tf.json'))) sources.set(dir, new ModuleSource(dir, list));
  }
  const read = (dir: string) => sources.get(dir) ?? null;
  const diagnostics: ModuleDiagnostics = { external: [] };
  const builder = new ModelBuilder();

  // Roots are the directories no other directory calls as a local module; a directory that
  // is only reached through a call is modelled through that call, with its arguments.
  const called = new Set<string>();
  for (const source of sources.values()) {
    for (const call of source.calls.values()) {
      const dir = localModuleDir(source.dir, call.body['source']);
      if (dir !== null) called.add(dir);
    }
  }
  // Several roots in one tree (stacks, examples) may use the same addresses: qualify them
  // with the root's directory so their groups are not merged.
  const dirs = [...sources.keys()].sort();
  const roots = dirs.filter((d) => !called.has(d));
  const label = (dir: string) => (roots.length > 1 || !roots.includes(dir) ? dir || '.' : null);
  const visited = new Set<string>();
  const run = (dir: string) => {
    const root = new ModuleInstance(sources.get(dir)!, '', read, diagnostics, null, [], label(dir));
    for (const instance of root.walk()) {
      visited.add(instance.source.dir);
      builder.addModule(instance);
    }
  };
  for (const dir of roots) run(dir);
  // directories reached by no call that expanded (count = 0, cycles): model them on their own
  for (const dir of dirs) if (!visited.has(dir)) run(dir);

  const model = builder.model;
  model.inputs = [...sources.values()].flatMap((s) => s.inputs);
  // hcl2json orders resources by name; report them in source order instead
  const bySource = (a: { location: Location }, b: { location: Location }) =>
    a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : a.location.startLine - b.location.startLine;
  model.groups.sort(bySource);
  model.rules.sort(bySource);
  model.declarations.sort(bySource);
  model.attachments.sort(bySource);
  model.files = files.map((f) => f.path).sort();
  model.parseErrors = files.flatMap((f) => (f.error ? [f.error] : []));
  model.externalModules = diagnostics.external;
  for (const f of files) {
    for (const c of f.located.comments) {
      const m = /sg-review:ignore\s+([a-z0-9-]+)\s*(.*)$/i.exec(c.text);
      if (m) model.suppressions.push({ rule: m[1]!.toLowerCase(), reason: m[2]!.replace(/\*\/\s*$/, '').trim(), file: f.path, line: c.line });
    }
  }
  return model;
}

interface Instance {
  decl: Declaration;
  address: string;
  scope: Scope;
  conditional: boolean;
  module: ModuleInstance;
}

class ModelBuilder {
  readonly model: Model = {
    files: [],
    groups: [],
    rules: [],
    declarations: [],
    attachments: [],
    unknowns: [],
    parseErrors: [],
    externalModules: [],
    moved: [],
    inputs: [],
    suppressions: [],
    resources: [],
  };

  addModule(module: ModuleInstance): void {
    for (const m of module.source.moved) this.model.moved.push({ from: module.prefix(m.from), to: module.prefix(m.to) });
    for (const decl of module.source.resources.values()) {
      let n = 0;
      for (const instance of this.instances(module, decl)) {
        this.addResource(instance);
        n++;
      }
      // count = 0 or an empty for_each: still listed, so suppressions and audits can see it
      if (n === 0) this.model.resources.push({ address: module.prefix(`${decl.type}.${decl.name}`), type: decl.type, location: location(decl), instances: 0 });
    }
  }

  *instances(module: ModuleInstance, decl: Declaration): Generator<Instance> {
    const base = module.prefix(`${decl.type}.${decl.name}`);
    const e = module.expansion(decl);
    if (e.kind === 'single') yield { decl, address: base, scope: module.scope, conditional: false, module };
    else if (e.kind === 'unknown') {
      const attribute = decl.body['count'] !== undefined ? 'count' : 'for_each';
      this.unknown(e.unknown, attribute, base, location(decl, decl.block?.attributes.get(attribute)));
      yield { decl, address: instanceAddress(base, '*'), scope: withNames(module.scope, e.scope), conditional: true, module };
    } else {
      for (const k of e.keys) yield { decl, address: instanceAddress(base, k.key), scope: withNames(module.scope, k.scope), conditional: false, module };
    }
  }

  readonly #seenUnknowns = new Set<string>();

  unknown(u: Unknown, attribute: string, resource: string, loc: Location): void {
    const expr = u.expr.replace(/\s+/g, ' ').trim();
    const key = `${resource}\0${expr}`;
    if (this.#seenUnknowns.has(key)) return;
    this.#seenUnknowns.add(key);
    this.model.unknowns.push({ expr, reason: u.reason, attribute, resource, location: loc });
  }

  /** Evaluates a top-level attribute of a resource instance, recording unknowns. */
  attr(inst: Instance, name: string, raw: unknown = inst.decl.body[name]): Value {
    if (raw === undefined) return null;
    const v = evaluateJson(raw, inst.scope);
    if (v instanceof Unknown) this.unknown(v, name, inst.address, location(inst.decl, inst.decl.block?.attributes.get(name)));
    return v;
  }

  addResource(inst: Instance): void {
    const { decl } = inst;
    this.model.resources.push({ address: inst.address, type: decl.type, location: location(decl), instances: 1 });
    if (GROUP_TYPES.has(decl.type)) this.addGroup(inst);
    else if (decl.type === 'aws_security_group_rule') this.addLegacyRule(inst);
    else if (decl.type === 'aws_vpc_security_group_ingress_rule' || decl.type === 'aws_vpc_security_group_egress_rule') this.addVpcRule(inst);
    if (decl.type in ATTACHMENT_KINDS) this.addAttachment(inst);
  }

  addGroup(inst: Instance): void {
    const { decl } = inst;
    const block = decl.block;
    const text = (name: string): string | null => {
      const v = this.attr(inst, name);
      return v === null ? null : display(v);
    };
    const lifecycle = (decl.body['lifecycle'] as Record<string, unknown>[] | undefined)?.[0];
    const cbd = lifecycle ? evaluateJson(lifecycle['create_before_destroy'] ?? false, inst.scope) : false;
    const attributes: Record<string, Location> = {};
    for (const [name, span] of block?.attributes ?? []) attributes[name] = location(decl, span);
    const group: Group = {
      address: inst.address,
      type: decl.type as Group['type'],
      module: inst.module.address,
      name: text('name'),
      namePrefix: text('name_prefix'),
      description: text('description'),
      vpcId: text('vpc_id'),
      createBeforeDestroy: cbd === true,
      ownership: { ingress: 'unmanaged', egress: 'unmanaged' },
      inline: { ingress: [], egress: [] },
      location: location(decl),
      attributes,
      conditional: inst.conditional,
    };
    this.model.groups.push(group);
    for (const direction of DIRECTIONS) group.ownership[direction] = this.addInlineRules(inst, group, direction);
  }

  /** Reads the inline rules of one direction and returns how the group owns it. */
  addInlineRules(inst: Instance, group: Group, direction: Direction): Ownership {
    const { decl } = inst;
    const block = decl.block;
    const raw = decl.body[direction];
    const dynamics = ((decl.body['dynamic'] as Record<string, unknown[]> | undefined)?.[direction] ?? []) as Record<string, unknown>[];
    const staticBlocks = block?.blocks.filter((b) => b.type === direction) ?? [];
    const dynamicBlocks = block?.blocks.filter((b) => b.type === 'dynamic' && b.labels[0] === direction) ?? [];
    const attributeSpan = block?.attributes.get(direction);
    const states: Ownership[] = [];

    if (raw !== undefined) {
      const asAttribute = attributeSpan !== undefined || !Array.isArray(raw);
      const value = Array.isArray(raw) ? raw.map((b) => evaluateJson(b, inst.scope)) : this.attr(inst, direction, raw);
      if (value instanceof Unknown) states.push('unknown');
      else if (Array.isArray(value) && value.length === 0) states.push('empty');
      else {
        states.push(asAttribute ? 'attribute' : 'blocks');
        const items = Array.isArray(value) ? value : [value];
        items.forEach((item, i) => {
          const span = asAttribute ? attributeSpan : staticBlocks[i];
          const loc = location(decl, span);
          group.inline[direction].push(loc);
          this.addInlineRule(inst, group, direction, item, loc);
        });
      }
    }
    dynamics.forEach((dyn, i) => {
      const loc = location(decl, dynamicBlocks[i]);
      const forEach = this.attr(inst, `dynamic "${direction}" for_each`, dyn['for_each']);
      const iterator = typeof dyn['iterator'] === 'string' ? dyn['iterator'].replace(/^\$\{(.*)\}$/, '$1') : direction;
      const content = ((dyn['content'] as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
      if (forEach instanceof Unknown || forEach instanceof Ref || forEach instanceof Lazy) {
        // unknown iterations: model one rule with unknown iterator values so nothing is silently closed
        states.push('unknown');
        group.inline[direction].push(loc);
        const unknownIterator = { key: new Unknown(`${iterator}.key`, 'for_each is unknown'), value: new Unknown(`${iterator}.value`, 'for_each is unknown') };
        const item = evaluateJson(content, withNames(inst.scope, { [iterator]: unknownIterator }));
        this.addInlineRule(inst, group, direction, item, loc);
        return;
      }
      const entries: [Value, Value][] = Array.isArray(forEach)
        ? forEach.map((v, k) => [k, v])
        : isObject(forEach)
          ? Object.keys(forEach)
              .sort()
              .map((k) => [k, forEach[k]!])
          : [];
      if (entries.length === 0) return; // zero elements: the direction stays unmanaged
      states.push('blocks');
      for (const [key, value] of entries) {
        group.inline[direction].push(loc);
        const item = evaluateJson(content, withNames(inst.scope, { [iterator]: { key, value } }));
        this.addInlineRule(inst, group, direction, item, loc);
      }
    });
    if (states.includes('blocks')) return 'blocks';
    if (states.includes('attribute')) return 'attribute';
    if (states.includes('unknown')) return 'unknown';
    if (states.includes('empty')) return 'empty';
    return 'unmanaged';
  }

  addInlineRule(inst: Instance, group: Group, direction: Direction, item: Value, loc: Location): void {
    const rule = this.inlineFields(inst, group, direction, item, loc);
    this.addRules({
      group: group.address,
      direction,
      ...rule,
      origin: 'inline',
      resource: inst.address,
      location: loc,
      conditional: inst.conditional,
      createBeforeDestroy: false,
      refs: referencedNames(inst.decl.body),
    });
  }

  /** Protocol, ports, peers and description of one inline block (all unknown if it is). */
  inlineFields(inst: Instance, group: Group, direction: Direction, item: Value, loc: Location) {
    if (item instanceof Unknown || !isObject(item)) {
      const u = item instanceof Unknown ? item : new Unknown(display(item), 'not a rule object');
      this.unknown(u, direction, inst.address, loc);
      const peers: Peer[] = [{ type: 'unresolved', value: u.expr, reason: u.reason }];
      return { protocol: u as Value, from: u as Value, to: u as Value, peers, description: null };
    }
    const peers: Peer[] = [
      ...listOf(item['cidr_blocks']).map((c) => cidrPeer(c)),
      ...listOf(item['ipv6_cidr_blocks']).map((c) => cidrPeer(c)),
      ...listOf(item['prefix_list_ids']).map(prefixListPeer),
      ...listOf(item['security_groups']).map(groupPeer),
    ];
    const self = item['self'];
    if (self instanceof Unknown) peers.push({ type: 'unresolved', value: self.expr, reason: self.reason });
    else if (self === true || self === 'true') peers.push({ type: 'self', value: group.address });
    this.recordPeerUnknowns(inst, direction, peers, loc);
    return {
      protocol: item['protocol'] ?? null,
      from: item['from_port'] ?? null,
      to: item['to_port'] ?? null,
      peers,
      description: stringOrNull(item['description']),
    };
  }

  recordPeerUnknowns(inst: Instance, attribute: string, peers: Peer[], loc: Location): void {
    for (const p of peers) if (p.type === 'unresolved') this.unknown(new Unknown(p.value, p.reason), attribute, inst.address, loc);
  }

  /** The group a standalone rule targets: its address, a literal id, or the expression. */
  targetGroup(inst: Instance, attribute: string): string {
    const v = this.attr(inst, attribute);
    if (v instanceof Unknown) return v.expr;
    return groupKey(v) ?? display(v);
  }

  addLegacyRule(inst: Instance): void {
    const { decl } = inst;
    const type = this.attr(inst, 'type');
    const direction: Direction | null = type === 'ingress' || type === 'egress' ? type : null;
    const group = this.targetGroup(inst, 'security_group_id');
    const loc = location(decl);
    const peers: Peer[] = [
      ...listOf(this.attr(inst, 'cidr_blocks')).map((c) => cidrPeer(c)),
      ...listOf(this.attr(inst, 'ipv6_cidr_blocks')).map((c) => cidrPeer(c)),
      ...listOf(this.attr(inst, 'prefix_list_ids')).map(prefixListPeer),
    ];
    const source = this.attr(inst, 'source_security_group_id');
    if (source !== null) peers.push(groupPeer(source));
    const self = this.attr(inst, 'self');
    if (self instanceof Unknown) peers.push({ type: 'unresolved', value: self.expr, reason: self.reason });
    else if (self === true || self === 'true') peers.push({ type: 'self', value: group });
    this.recordPeerUnknowns(inst, 'peer', peers, loc);
    const directions: Direction[] = direction ? [direction] : DIRECTIONS;
    if (!direction) this.unknown(type instanceof Unknown ? type : new Unknown(display(type), 'type must be "ingress" or "egress"'), 'type', inst.address, loc);
    for (const d of directions) {
      this.addRules({
        group,
        direction: d,
        protocol: this.attr(inst, 'protocol'),
        from: this.attr(inst, 'from_port'),
        to: this.attr(inst, 'to_port'),
        peers,
        description: stringOrNull(this.attr(inst, 'description')),
        origin: 'aws_security_group_rule',
        resource: inst.address,
        location: loc,
        conditional: inst.conditional,
        createBeforeDestroy: createBeforeDestroy(inst),
        refs: referencedNames(inst.decl.body),
      });
    }
  }

  addVpcRule(inst: Instance): void {
    const { decl } = inst;
    const direction: Direction = decl.type === 'aws_vpc_security_group_ingress_rule' ? 'ingress' : 'egress';
    const group = this.targetGroup(inst, 'security_group_id');
    const loc = location(decl);
    const peers: Peer[] = [];
    const v4 = this.attr(inst, 'cidr_ipv4');
    if (v4 !== null) peers.push(cidrPeer(v4));
    const v6 = this.attr(inst, 'cidr_ipv6');
    if (v6 !== null) peers.push(cidrPeer(v6));
    const pl = this.attr(inst, 'prefix_list_id');
    if (pl !== null) peers.push(prefixListPeer(pl));
    const ref = this.attr(inst, 'referenced_security_group_id');
    if (ref !== null) {
      const peer = groupPeer(ref);
      peers.push(peer.type === 'group' && peer.value === group ? { type: 'self', value: group } : peer);
    }
    this.recordPeerUnknowns(inst, 'peer', peers, loc);
    this.addRules({
      group,
      direction,
      protocol: this.attr(inst, 'ip_protocol'),
      from: this.attr(inst, 'from_port'),
      to: this.attr(inst, 'to_port'),
      peers,
      description: stringOrNull(this.attr(inst, 'description')),
      origin: decl.type as RuleOrigin,
      resource: inst.address,
      location: loc,
      conditional: inst.conditional,
      createBeforeDestroy: createBeforeDestroy(inst),
      refs: referencedNames(inst.decl.body),
    });
  }

  addRules(spec: {
    group: string;
    direction: Direction;
    protocol: Value;
    from: Value;
    to: Value;
    peers: Peer[];
    description: string | null;
    origin: RuleOrigin;
    resource: string;
    location: Location;
    conditional: boolean;
    createBeforeDestroy: boolean;
    refs: string[];
  }): void {
    const unresolved: string[] = [];
    let protocol = 'all';
    if (spec.protocol instanceof Unknown) unresolved.push(`protocol ${spec.protocol.expr} (${spec.protocol.reason}): all protocols assumed`);
    else if (spec.protocol === null) unresolved.push('no protocol: all protocols assumed');
    else {
      const p = typeof spec.protocol === 'string' || typeof spec.protocol === 'number' ? normaliseProtocol(spec.protocol) : null;
      if (p === null) unresolved.push(`protocol ${display(spec.protocol)} is not valid: all protocols assumed`);
      else protocol = p;
    }
    const port = (v: Value, name: string): number | null => {
      if (v === null) return null;
      if (v instanceof Unknown) {
        unresolved.push(`${name} ${v.expr} (${v.reason}): the widest range assumed`);
        return -1;
      }
      try {
        return toNumberValue(v);
      } catch {
        unresolved.push(`${name} ${display(v)} is not a number: the widest range assumed`);
        return -1;
      }
    };
    const from = port(spec.from, 'from_port');
    const to = port(spec.to, 'to_port');
    const ports = normalisePorts(protocol, from, to);
    for (const peer of spec.peers) {
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
        unresolved: unresolved.length ? unresolved.join('; ') : null,
        refs: spec.refs,
      };
      this.model.rules.push(rule);
    }
    const declaration: RuleDeclaration = {
      group: spec.group,
      direction: spec.direction,
      origin: spec.origin,
      resource: spec.resource,
      location: spec.location,
      description: spec.description,
      awsRules: spec.peers.length,
      conditional: spec.conditional,
      references: spec.peers.flatMap((p) => (p.type === 'group' ? [p.value] : [])),
      identity: [spec.direction, protocol, ports.join('-'), ...spec.peers.map((p) => `${p.type}:${p.value}`).sort()].join('|'),
      createBeforeDestroy: spec.createBeforeDestroy,
    };
    this.model.declarations.push(declaration);
  }

  addAttachment(inst: Instance): void {
    const kind = ATTACHMENT_KINDS[inst.decl.type]!;
    const get = (path: string[]): Value => readPath(this.attrQuiet(inst, path[0]!), path.slice(1));
    const groups: string[] = [];
    for (const path of kind.paths) {
      const v = get(path);
      if (v === null) continue;
      for (const item of listOf(v)) {
        const key = item instanceof Unknown ? null : groupKey(item);
        if (key) groups.push(key);
      }
    }
    const internet = kind.internet?.(get) ?? { facing: false, why: null };
    this.model.attachments.push({
      resource: inst.address,
      type: inst.decl.type,
      groups: [...new Set(groups)],
      internetFacing: internet.facing,
      exposure: internet.why,
      dataStore: kind.dataStore ?? false,
      location: location(inst.decl),
    });
  }

  /** Attachment attributes are informational: their unknowns are not rule unknowns. */
  attrQuiet(inst: Instance, name: string): Value {
    const raw = inst.decl.body[name];
    return raw === undefined ? null : evaluateJson(raw, inst.scope);
  }
}

function createBeforeDestroy(inst: Instance): boolean {
  const lifecycle = (inst.decl.body['lifecycle'] as Record<string, unknown>[] | undefined)?.[0];
  return lifecycle ? evaluateJson(lifecycle['create_before_destroy'] ?? false, inst.scope) === true : false;
}

function location(decl: Declaration, span?: Span | LocatedBlock): Location {
  const s = span ?? decl.block;
  return { file: decl.file, startLine: s?.startLine ?? 1, endLine: s?.endLine ?? 1 };
}

/** A list attribute; a scalar counts as a one-element list, null as empty. */
function listOf(v: Value | undefined): Value[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  return [v];
}

function stringOrNull(v: Value | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return display(v);
}
