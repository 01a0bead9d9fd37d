// Module instances: the scope an expression is evaluated in. Variables (defaults, tfvars in
// Terraform's precedence, or the caller's arguments), locals (lazily, cycle-safe), resources
// (expanded by count / for_each) and local module calls (recursively, depth-bounded).
import { localData } from './local-data.js';
import { posix } from 'node:path';
import { repositoryPath } from './data-files.js';
import { callKey } from '../modules/calls.js';
import { isExternalModulePath, type Gitlink, type InitRecord, type ModuleResolution, type ModuleResolutions } from '../modules/resolution.js';
import { localSourcePath, sameSource } from '../modules/source-address.js';
import { parseConstraints, parseVersion, satisfies } from '../modules/version-constraint.js';
import type { ModuleCall, SetByCallers } from '../model/types.js';
import { evaluateJson, singleInterpolation, templateNode, withNames, type ModuleContext, type Scope } from './evaluate.js';
import { expand, instanceAddress, unknownExpansion, withoutInstanceKeys, type Expansion } from './expansion.js';
import { referencedNames } from './references.js';
import { argumentIdentity } from './argument-identity.js';
import type { Declaration, ModuleSource } from './module-source.js';
import { computedDefault, echoedArguments, echoedDataArguments } from './known-before-apply.js';
import { lookedUpGroup, type GroupCandidate } from './group-lookup.js';
import { lookedUpPrefixList, type PrefixListCandidate } from './prefix-list-lookup.js';
import { convertToType, legacyListArgument } from './types.js';
import { typeOf } from './variable-type.js';
import { LimitError, budget } from './limits.js';
import { InsideRange, templateRange } from './inside-range.js';
import { PartlyKnown } from './partly-known.js';
import {
  Lazy,
  Ref,
  SET_OUTSIDE,
  Unknown,
  containsUnknown,
  countedInstances,
  display,
  hasKey,
  isEmptyValue,
  isObject,
  newObject,
  objectFrom,
  undeclared,
  type Value,
} from './value.js';

/** The directory a local module source designates, relative to the tree ('' is the root). */
export function localModuleDir(fromDir: string, source: unknown): string | null {
  const path = typeof source === 'string' ? localSourcePath(source) : null;
  if (path === null) return null;
  const dir = posix.normalize(posix.join(fromDir || '.', path)).replace(/\/+$/, '');
  return dir === '.' || dir === '' ? '' : dir;
}

export interface ModuleDiagnostics {
  /** Module calls that are not local paths, or whose directory is missing or too deep. */
  external: { address: string; source: string; reason: string }[];
  /** Every module call written in the repository's own files, and how its code was read. */
  calls: ModuleCall[];
  /** Blocks of a root whose instances only a value set outside the repository creates. */
  setByCallers: SetByCallers[];
}

/** Gives the files of a directory (relative to the analysed tree), or null when absent. */
export type DirectoryReader = (dir: string) => ModuleSource | null;

/** The analysed tree's directories, and where remote module calls were found. */
export interface ModuleTree {
  read: DirectoryReader;
  resolutions: ModuleResolutions;
}

export class ModuleInstance implements ModuleContext {
  readonly #variables = new Map<string, Value>();
  readonly #locals = new Map<string, Value>();
  readonly #inProgress = new Set<string>();
  readonly #outputs = new Map<string, Value>();
  readonly #expansions = new Map<string, Expansion>();
  readonly #dataSources = new Map<string, Value>();
  readonly #children = new Map<string, { expansion: Expansion; instances: Map<string, ModuleInstance> | null; external: string | null }>();
  readonly scope: Scope;
  /** The root variables set outside the repository whose value creates this instance (a wrapper's `var.items`); [] otherwise. */
  setOutside: string[] = [];

  constructor(
    readonly source: ModuleSource,
    /** '' for the root, else `module.a` or `module.a["k"].module.b`. */
    readonly address: string,
    readonly tree: ModuleTree,
    readonly diagnostics: ModuleDiagnostics,
    /** The caller's arguments, evaluated lazily in the caller's scope; null for a root module. */
    readonly inputs: ((name: string) => Value | undefined) | null,
    readonly ancestors: string[] = [],
    /** Set on root modules when a tree has several: addresses become `dir:TYPE.NAME`. */
    readonly rootLabel: string | null = null,
    /** For a local module: the caller's root variables behind an argument (see settableOutside). */
    readonly callerArgument: ((name: string, keep: (v: Value) => boolean) => string[]) | null = null,
  ) {
    this.scope = { module: this, names: new Map() };
  }

  get path(): string {
    return this.source.dir || '.';
  }

  /** The root module's directory: where Terraform runs, what relative paths are read from. */
  get #workingDir(): string {
    return this.ancestors[0] ?? this.source.dir;
  }

  get modulePath(): string {
    return posix.relative(this.#workingDir || '.', this.source.dir || '.') || '.';
  }

  resolveFile(written: string): string | null {
    return repositoryPath(this.#workingDir, written);
  }

  prefix(local: string): string {
    if (this.address) return `${this.address}.${local}`;
    return this.rootLabel !== null ? `${this.rootLabel}:${local}` : local;
  }

  variable(name: string): Value {
    let v = this.#variables.get(name);
    if (v === undefined) {
      v = this.#resolveVariable(name);
      this.#variables.set(name, v);
    }
    return v;
  }

  #resolveVariable(name: string): Value {
    const decl = this.source.variables.get(name);
    const src = `var.${name}`;
    if (!decl) return new Unknown(src, undeclared(`variable "${name}"`, this.path));
    const typeNode = typeOf(decl['type']);
    let value: Value | undefined;
    if (this.inputs) value = this.inputs(name);
    else {
      value = this.source.terragruntInputs?.value(name);
      for (const file of this.source.tfvars) {
        // a tfvars file that cannot be read (encrypted, broken) may set any variable: its value is
        // unknown unless a later file sets it; never the default, which may be narrower
        if (file.error) value = new Unknown(src, `var.${name} may be set by ${file.path}, which could not be read`);
        else if (hasKey(file.body, name)) value = evaluateJson(file.body[name], this.scope);
      }
    }
    if (value === undefined || (value === null && decl['nullable'] === false)) {
      if (!hasKey(decl, 'default')) {
        const where = this.inputs ? 'the module call does not set it' : 'it has no default and no tfvars value';
        return new Unknown(src, `var.${name} is unknown: ${where}`);
      }
      value = evaluateJson(decl['default'], this.scope);
    } else if (!typeNode && Array.isArray(decl['default'])) value = legacyListArgument(value);
    return convertToType(value, typeNode, this.scope);
  }

  local(name: string): Value {
    const cached = this.#locals.get(name);
    if (cached !== undefined) return cached;
    const decl = this.source.locals.get(name);
    if (!decl) return new Unknown(`local.${name}`, undeclared(`local.${name}`, this.path));
    if (this.#inProgress.has(name)) return new Unknown(`local.${name}`, 'locals refer to each other in a cycle');
    this.#inProgress.add(name);
    try {
      const v = evaluateJson(decl.raw, this.scope);
      this.#locals.set(name, v);
      return v;
    } finally {
      this.#inProgress.delete(name);
    }
  }

  output(name: string): Value {
    const cached = this.#outputs.get(name);
    if (cached !== undefined) return cached;
    if (!this.source.outputs.has(name)) return new Unknown(`${this.address}.${name}`, `module has no output "${name}"`);
    const key = `output.${name}`;
    if (this.#inProgress.has(key)) return new Unknown(`${this.address}.${name}`, 'outputs refer to each other in a cycle');
    this.#inProgress.add(key);
    try {
      const v = evaluateJson(this.source.outputs.get(name), this.scope);
      this.#outputs.set(name, v);
      return v;
    } finally {
      this.#inProgress.delete(key);
    }
  }

  /** How a declaration expands (count / for_each evaluated in this module). */
  expansion(decl: Declaration): Expansion {
    const key = `${decl.kind}.${decl.type}.${decl.name}`;
    let e = this.#expansions.get(key);
    if (!e) {
      const guard = `expand.${key}`;
      if (this.#inProgress.has(guard)) return { kind: 'unknown', unknown: new Unknown(key, 'count or for_each refers to itself'), scope: {}, mayBeEmpty: true };
      this.#inProgress.add(guard);
      try {
        e = expand(decl.body, this.scope, { file: decl.file, line: decl.block?.startLine ?? 1 });
        if (e.kind === 'instances' && e.keys.length === 0 && !e.rest) e = this.#switchedOffByDefault(decl) ?? e;
      } finally {
        this.#inProgress.delete(guard);
      }
      this.#expansions.set(key, e);
    }
    return e;
  }

  /**
   * `count = var.enabled ? 1 : 0` is 0 here only because of the default of a root variable
   * that `-var` or `TF_VAR_` can set outside the repository: reading that as "no resource"
   * would pass whatever the resource opens unseen, so it may exist (zero or more instances).
   * The same for `count = length(var.cidrs) > 0 ? 1 : 0` ("enabled when given"): in such a
   * condition a default that is empty (`[]`, `{}`, `""`, `null`) is the off state of a value
   * passed in. So is a count passed in as a number that defaults to 0 (`count = var.n`): an
   * outside value switches it on as surely as a flag does (`var.flag ? length(var.list) : 0`).
   * So is one instance per element of a collection passed in empty (`count = length(var.list)`,
   * `for_each = var.items`): a module repository's wrapper creates nothing by itself, its
   * callers decide (findings/set-by-callers.ts gathers what they decide into one finding).
   * In a conditional count or for_each any default of such a variable is only the default:
   * `var.env == "production" ? 1 : 0` (default "staging") and the 0.11 flag
   * `var.x == "true" ? 1 : 0` (default "false") switch on as surely as `var.x ? 1 : 0`, and a
   * PR author picks the default the review would see. Elsewhere a non-empty default is the
   * repository's choice (`count = var.n` defaulting to 2).
   */
  #switchedOffByDefault(decl: Declaration): Expansion | null {
    const { body } = decl;
    if (this.inputs) return null;
    const raw = body['count'] ?? body['for_each'];
    const off = isConditional(raw) ? () => true : body['count'] === undefined ? isOffState : (v: Value) => isOffState(v) || v === 0 || v === '0';
    const flags = this.settableOutside(raw, off);
    if (flags.length === 0) return null;
    const why = `0 with the default of ${flags.join(', ')}, which can be ${SET_OUTSIDE}`;
    const block = { file: decl.file, startLine: decl.block?.startLine ?? 1, endLine: decl.block?.endLine ?? 1 };
    // a module call's instances are the callers' (all below it); a resource's, its module's
    if (decl.kind === 'module') {
      const call = this.prefix(`module.${decl.name}`);
      this.#recordSetByCallers(`${instanceAddress(call, '*')}.`, flags, call, block);
    } else this.#recordSetByCallers(this.prefix(`${decl.type}.${decl.name}`), flags);
    return { ...unknownExpansion(body, new Unknown(String(raw), why, flags), `${SET_OUTSIDE} (${flags.join(', ')})`), setOutside: flags };
  }

  /**
   * The root variables whose default alone empties a dynamic block's `for_each` (`var.items`,
   * `var.on ? [1] : []`): set outside the repository, they make it yield blocks, so what those
   * open on `resource` is decided there, as for a resource switched off by default.
   */
  emptiedByDefault(raw: unknown, resource: string): string[] {
    if (this.inputs) return [];
    const flags = this.settableOutside(raw, isOffState);
    if (!flags.length) return flags;
    this.#recordSetByCallers(resource, flags);
    return flags;
  }

  /**
   * Records that root variables set outside decide `blocks` (findings/set-by-callers.ts): one
   * entry per blocks, a resource's dynamic blocks merged into the entry of its count. The
   * creator is a call, or for a resource this module.
   */
  #recordSetByCallers(blocks: string, variables: string[], creator = this.address || (this.rootLabel ?? '.'), location: SetByCallers['location'] = null): void {
    const known = this.diagnostics.setByCallers.find((c) => c.blocks === blocks);
    if (known) known.variables = [...new Set([...known.variables, ...variables])];
    else this.diagnostics.setByCallers.push({ creator, blocks, location, variables });
  }

  /**
   * The root variables an expression depends on (through locals, and through the arguments of
   * the calls that lead here) whose value is their default, when `keep` accepts that value:
   * no tfvars file sets them, so `-var` or `TF_VAR_` may, outside the repository.
   */
  settableOutside(raw: unknown, keep: (v: Value) => boolean, seen = new Set<string>()): string[] {
    const names: string[] = [];
    for (const name of referencedNames(raw)) {
      if (seen.has(name) || !/^(var|local)\./.test(name)) continue; // echoed resource arguments are no flags
      seen.add(name);
      const id = name.slice(name.indexOf('.') + 1);
      const decl = this.source.variables.get(id);
      if (name.startsWith('local.')) names.push(...this.settableOutside(this.source.locals.get(id)?.raw, keep, seen));
      else if (this.inputs)
        names.push(...(this.callerArgument?.(id, keep) ?? [])); // a Terragrunt unit's inputs are set in the repository
      else if (decl && hasKey(decl, 'default') && !this.source.tfvars.some((file) => hasKey(file.body, id)) && keep(this.variable(id))) names.push(name);
    }
    return names;
  }

  resource(type: string, name: string, src: string): Value {
    const decl = this.source.resources.get(`${type}.${name}`);
    if (!decl) return new Unknown(src, undeclared(`${type}.${name}`, this.path));
    const base = this.prefix(`${type}.${name}`);
    const e = this.expansion(decl);
    const echoed = echoedArguments(decl.type);
    if (e.kind === 'single') return new Ref(base, '', false, this.#echo(decl.type, decl.body, echoed, base, {}));
    // zero or more instances: any of them is the resource `base` (PRODUCT.md §1)
    if (e.kind === 'unknown' || e.rest)
      return new Ref(base, '', true, this.#echo(decl.type, decl.body, echoed, base, (e.kind === 'unknown' ? e : e.rest!).scope));
    const instance = (k: { key: string | number; scope: Record<string, Value> }) => {
      const address = instanceAddress(base, k.key);
      return new Ref(address, '', false, this.#echo(decl.type, decl.body, echoed, address, k.scope));
    };
    if (decl.body['count'] !== undefined) return countedInstances(e.keys.map(instance));
    const out = newObject();
    for (const k of e.keys) out[String(k.key)] = instance(k);
    return out;
  }

  /**
   * The attributes of one instance that echo a written argument, evaluated in that instance's
   * scope (count.index, each.key); unknown arguments leave the attribute computed.
   */
  #echo(
    type: string,
    body: Record<string, unknown>,
    echoed: readonly string[],
    address: string,
    names: Record<string, Value>,
  ): (attribute: string) => Value | undefined {
    return (attribute) => {
      if (!echoed.includes(attribute)) return undefined;
      const guard = `echo.${address}.${attribute}`;
      if (this.#inProgress.has(guard)) return undefined; // an argument that refers to itself: Terraform's cycle error
      this.#inProgress.add(guard);
      try {
        const scope = withNames(this.scope, names);
        const argument = (name: string) => (hasKey(body, name) ? evaluateJson(body[name], scope) : undefined);
        const v = argument(attribute) ?? null;
        // a range inside a known one keeps the reference's identity, and its bound
        const range = v instanceof InsideRange ? v.range : v instanceof PartlyKnown ? templateRange(v.shape) : null;
        if (range !== null && v instanceof Unknown) return new InsideRange(`${address}.${attribute}`, v.reason, range, v.setOutside);
        if (v !== null) return containsUnknown(v) ? undefined : v;
        // not set (or null): the provider computes it, known for some types (a database's port)
        return computedDefault(type, attribute, argument);
      } finally {
        this.#inProgress.delete(guard);
      }
    };
  }

  /** What a single data source's arguments fix: the echoed ones, and a group only it can find (group-lookup.ts). */
  #dataEcho(decl: Declaration, address: string): (attribute: string) => Value | undefined {
    const echo = this.#echo(`data.${decl.type}`, decl.body, echoedDataArguments(decl.type), address, {});
    const argument = (name: string) => (hasKey(decl.body, name) ? evaluateJson(decl.body[name], this.scope) : undefined);
    return (attribute) => {
      const echoed = echo(attribute) ?? localData(decl.type, attribute, argument, this.scope, `${address}.${attribute}`);
      if (echoed !== undefined) return echoed;
      const guard = `lookup.${address}.${attribute}`;
      if (this.#inProgress.has(guard)) return undefined; // a group named after the data source itself
      this.#inProgress.add(guard);
      try {
        return (
          lookedUpGroup(decl.type, attribute, argument, () => this.#groupCandidates()) ??
          lookedUpPrefixList(decl.type, attribute, argument, () => this.#prefixListCandidates())
        );
      } finally {
        this.#inProgress.delete(guard);
      }
    };
  }

  /** The groups of this module a lookup by name may find: every instance, with its name and VPC when known. */
  #groupCandidates(): GroupCandidate[] {
    const out: GroupCandidate[] = [];
    for (const decl of this.source.resources.values()) {
      if (decl.type === 'aws_default_security_group')
        out.push({ id: new Ref(this.prefix(`${decl.type}.${decl.name}`), 'id'), name: undefined, mayBeNamed: (n) => n === 'default', vpc: undefined });
      else if (decl.type === 'awscc_ec2_security_group')
        out.push({ id: new Ref(this.prefix(`${decl.type}.${decl.name}`), 'id'), name: undefined, mayBeNamed: () => true, vpc: undefined });
      if (decl.type !== 'aws_security_group') continue;
      const value = this.resource(decl.type, decl.name, `${decl.type}.${decl.name}`);
      const instances = value instanceof Ref ? [value] : Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
      for (const r of instances) {
        if (!(r instanceof Ref)) continue;
        const name = r.echoed('name');
        // no name nor prefix: AWS's "terraform-…"; a name or prefix not known here: any
        const named = hasKey(decl.body, 'name') || hasKey(decl.body, 'name_prefix');
        out.push({
          id: r.child('id'),
          name: typeof name === 'string' ? name : undefined,
          mayBeNamed: (n) => named || n.startsWith('terraform-'),
          vpc: r.echoed('vpc_id'),
        });
      }
    }
    return out;
  }

  /** The prefix lists of this module a lookup by name may find (aws's and awscc's): every instance, with its name when known. */
  #prefixListCandidates(): PrefixListCandidate[] {
    const out: PrefixListCandidate[] = [];
    for (const decl of this.source.resources.values()) {
      const awscc = decl.type === 'awscc_ec2_prefix_list';
      if (decl.type !== 'aws_ec2_managed_prefix_list' && !awscc) continue;
      const value = this.resource(decl.type, decl.name, `${decl.type}.${decl.name}`);
      const instances = value instanceof Ref ? [value] : Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
      for (const r of instances) {
        if (!(r instanceof Ref)) continue;
        const name = r.echoed(awscc ? 'prefix_list_name' : 'name');
        out.push({ id: r.child(awscc ? 'prefix_list_id' : 'id'), name: typeof name === 'string' ? name : undefined });
      }
    }
    return out;
  }

  /** A data source as read at plan time, built once per module instance. */
  dataSource(type: string, name: string): Value {
    const key = `${type}.${name}`;
    const cached = this.#dataSources.get(key);
    if (cached !== undefined) return cached;
    const decl = this.source.dataSources.get(key);
    const value = this.#readDataSource(`data.${key}`, decl);
    // set after reading: a count that reads its own data source (a cycle) leaves the outer value
    this.#dataSources.set(key, value);
    return value;
  }

  #readDataSource(address: string, decl: Declaration | undefined): Value {
    const why = decl ? 'data sources are read during plan' : undeclared(address, this.path);
    // what a single data source's argument fixes is known (known-before-apply.ts); the arguments
    // of its instances may depend on count.index or each, so theirs stay unknown
    const single = decl !== undefined && decl.body['count'] === undefined && decl.body['for_each'] === undefined;
    const echo = single ? this.#dataEcho(decl, address) : () => undefined;
    const read = (label: string): Lazy => {
      const source: Lazy = new Lazy(
        label,
        (attribute) => echo(attribute) ?? new Unknown(`${label}.${attribute}`, why),
        () => source,
      );
      return source;
    };
    // instances of a known for_each, or of a known count above one, are told apart (`x["web"]`;
    // `x[1]`, 0.11 `x.1` and `element(x.*.id, 1)` alike), so switching a rule from one to
    // another is a change; otherwise any instance (`x[0]`, `x.*`) is read at plan time like the
    // data source itself: one name and identity, as for a resource whose count is unknown
    const e = decl && !single ? this.expansion(decl) : null;
    if (e?.kind !== 'instances' || e.rest) return read(address);
    if (decl!.body['count'] !== undefined) return e.keys.length > 1 ? e.keys.map((k) => read(instanceAddress(address, k.key))) : read(address);
    return objectFrom(e.keys.map((k) => [String(k.key), read(instanceAddress(address, k.key))] as const));
  }

  moduleCall(name: string, src: string): Value {
    const child = this.child(name);
    if (!child) return new Unknown(src, undeclared(`module "${name}"`, this.path));
    if (child.external) {
      // an output is named as written here, like every other unknown (`var.x`, a call over
      // it): `element(module.vpc.ids, 0)` is then recognised as a member of `module.vpc.ids`
      return new Lazy(this.prefix(`module.${name}`), (output) => new Unknown(`module.${name}.${output}`, child.external!));
    }
    const { expansion, instances } = child;
    const lazy = (m: ModuleInstance) => new Lazy(m.address, (output) => m.output(output));
    if (expansion.kind === 'unknown' || (expansion.kind === 'instances' && expansion.rest)) {
      const { unknown } = expansion.kind === 'unknown' ? expansion : expansion.rest!;
      return new Unknown(src, `the instances of module.${name} are unknown: ${unknown.reason}`, unknown.setOutside);
    }
    if (expansion.kind === 'single') return lazy([...instances!.values()][0]!);
    const decl = this.source.calls.get(name)!;
    if (decl.body['count'] !== undefined) return [...instances!.values()].map(lazy);
    const out = newObject();
    for (const k of expansion.keys) out[String(k.key)] = lazy(instances!.get(String(k.key))!);
    return out;
  }

  /** The instances of a module call, created on first use. */
  child(name: string): { expansion: Expansion; instances: Map<string, ModuleInstance> | null; external: string | null } | null {
    const existing = this.#children.get(name);
    if (existing) return existing;
    const decl = this.source.calls.get(name);
    if (!decl) return null;
    const base = this.prefix(`module.${name}`);
    const rawSource = decl.body['source'];
    const sourceText = typeof rawSource === 'string' ? rawSource : '';
    const result = { expansion: { kind: 'single' } as Expansion, instances: null as Map<string, ModuleInstance> | null, external: null as string | null };
    this.#children.set(name, result);
    const found: ModuleResolution = decl.unreadable ? { dir: null, reason: decl.unreadable } : this.#locate(name, sourceText, decl.body['version']);
    const sourceDir = found.dir === null ? null : (this.tree.read(found.dir)?.withGenerated(decl.generated) ?? null);
    const maxDepth = budget().limits.maxModuleDepth;
    let reason: string | null = null;
    if (found.dir === null) reason = `an output of module "${sourceText}", which could not be read: ${found.reason}`;
    else if (this.ancestors.length >= maxDepth) {
      // before "no Terraform files": a reader stops at the same depth (app/read-revisions.ts)
      reason = `an output of module "${sourceText}", not read: modules nested more than ${maxDepth} deep (max_module_depth)`;
      this.#depthHit(decl, base, sourceText, maxDepth);
    } else if (!sourceDir) reason = `an output of module source "${sourceText}", whose directory has no Terraform files`;
    else if (this.ancestors.includes(sourceDir.dir) || sourceDir.dir === this.source.dir)
      reason = `an output of module "${sourceText}", not analysed (modules calling each other in a cycle)`;
    this.#record(decl, base, sourceText, found, reason);
    if (reason !== null || !sourceDir) {
      result.external = reason;
      this.diagnostics.external.push({ address: base, source: sourceText, reason: reason ?? '' });
      return result;
    }
    result.expansion = this.expansion(decl);
    const instances = new Map<string, ModuleInstance>();
    const makeInstance = (address: string, names: Record<string, Value>, setOutside = this.setOutside) => {
      const scope = withNames(this.scope, names);
      const instance = new ModuleInstance(
        sourceDir,
        address,
        this.tree,
        this.diagnostics,
        decl.inputs ?? ((variable) => (hasKey(decl.body, variable) && !META_ARGUMENTS.has(variable) ? evaluateJson(decl.body[variable], scope) : undefined)),
        [...this.ancestors, this.source.dir],
        null,
        decl.inputs
          ? null
          : (variable, keep) => (hasKey(decl.body, variable) && !META_ARGUMENTS.has(variable) ? this.settableOutside(decl.body[variable], keep) : []),
      );
      instance.setOutside = setOutside;
      return instance;
    };
    const e = result.expansion;
    if (e.kind === 'single') instances.set('', makeInstance(base, {}));
    else if (e.kind === 'instances') for (const k of e.keys) instances.set(String(k.key), makeInstance(instanceAddress(base, k.key), k.scope));
    // instances whose keys are unknown here: one that stands for any of them
    const unknownKeys = e.kind === 'unknown' ? e : e.kind === 'instances' ? e.rest : undefined;
    if (unknownKeys) instances.set('*', makeInstance(instanceAddress(base, '*'), unknownKeys.scope, unknownKeys.setOutside || this.setOutside));
    result.instances = instances;
    return result;
  }

  /**
   * The `max_module_depth` bound, hit at this call: reported at the call with its evaluated
   * arguments, so a change that reaches the unread module through them is not pre-existing.
   */
  #depthHit(decl: Declaration, address: string, source: string, maxDepth: number): void {
    const inputs = Object.keys(decl.body)
      .filter((arg) => !META_ARGUMENTS.has(arg))
      .sort()
      .map((arg) => {
        try {
          return `${arg}=${display(evaluateJson(decl.body[arg], this.scope))}`;
        } catch {
          return `${arg}=?`;
        }
      });
    const hit = new LimitError(
      'max_module_depth',
      `${withoutInstanceKeys(address)} (source "${source}") lies more than ${maxDepth} modules deep and was not read`,
    );
    budget().record(hit, decl.file, decl.block?.startLine ?? 1, inputs.join('\n'));
  }

  /** Where the code of a call is: a local path, the root's init cache, or a remote read. */
  #locate(name: string, source: string, version: unknown): ModuleResolution {
    const local = localModuleDir(this.source.dir, source);
    const root = this.ancestors[0] ?? this.source.dir;
    const key = [...`${this.address}.module.${name}`.matchAll(/module\.([^.[]+)/g)].map((m) => m[1]).join('.');
    const cached = this.tree.resolutions.initCache.get(root)?.get(key);
    // what Terraform loads: the init cache's record when it is for this source and version
    // (else `terraform init` installs the call again), also for a local path
    if (cached && loadsRecord(cached, source, version) && cached.dir !== local) {
      return cached.unread ? { dir: null, reason: cached.unread } : { dir: cached.dir, how: 'init cache', version: cached.version };
    }
    if (local !== null) return submoduleAt(local, this.tree.resolutions.gitlinks) ?? { dir: local, how: 'local', version: null };
    const remote = this.tree.resolutions.remote.get(callKey(source, typeof version === 'string' ? version : ''));
    return remote ?? { dir: null, reason: 'remote module sources are not read here (CLI: run `terraform init`, or pass --fetch-modules)' };
  }

  /** Records a call written in the repository's own files, once per declaration. */
  #record(decl: Declaration, address: string, source: string, found: ModuleResolution, reason: string | null): void {
    if (isExternalModulePath(decl.file)) return;
    const path = withoutInstanceKeys(address);
    if (this.diagnostics.calls.some((c) => c.address === path)) return;
    const block = decl.block;
    const args: ModuleCall['arguments'] = {};
    const names = this.source.identityNames;
    for (const [arg, raw] of Object.entries(decl.body)) {
      const span = block?.attributes.get(arg) ?? block;
      args[arg] = {
        digest: JSON.stringify(raw) ?? 'null',
        identity: argumentIdentity(raw, names),
        startLine: span?.startLine ?? 1,
        endLine: span?.endLine ?? 1,
        ...(span?.file ? { file: span.file } : {}),
        refs: referencedNames(raw),
      };
    }
    const version = decl.body['version'];
    this.diagnostics.calls.push({
      address: path,
      file: decl.file,
      location: { file: decl.file, startLine: block?.startLine ?? 1, endLine: block?.endLine ?? 1 },
      source,
      version: typeof version === 'string' ? version : '',
      how: found.dir === null || reason !== null ? null : found.how,
      resolvedVersion: found.version ?? null,
      reason: found.dir === null ? found.reason : reason,
      note: found.dir !== null ? (found.note ?? null) : null,
      arguments: args,
    });
  }

  /** Every module instance below this one (depth-first), this one first. */
  *walk(): Generator<ModuleInstance> {
    yield this;
    for (const name of this.source.calls.keys()) {
      const c = this.child(name);
      for (const m of c?.instances?.values() ?? []) yield* m.walk();
    }
  }
}

/**
 * Whether Terraform loads a call from its init-cache record (`terraform init` keeps a record
 * whose source is the call's and whose version meets the call's constraint, and plan refuses
 * any other): a record without a source (an older cache) is taken as the call's.
 */
function loadsRecord(record: InitRecord, source: string, version: unknown): boolean {
  if (record.source !== null && !sameSource(record.source, source)) return false;
  const constraint = typeof version === 'string' ? version.trim() : '';
  if (!constraint) return true;
  const recorded = record.version === null ? null : parseVersion(record.version);
  try {
    return recorded !== null && satisfies(recorded, parseConstraints(constraint));
  } catch {
    return false;
  }
}

/**
 * A local path at or below a git submodule: read at the commit the tree records where the
 * submodule's clone gave its files, else not read (the reader says why).
 */
function submoduleAt(dir: string, gitlinks: ReadonlyMap<string, Gitlink> | undefined): ModuleResolution | null {
  for (const [path, link] of gitlinks ?? []) {
    if (dir !== path && !dir.startsWith(`${path}/`)) continue;
    return link.unread === null
      ? { dir, how: 'local', version: link.commit, note: `git submodule \`${path}\` at ${link.commit.slice(0, 12)}` }
      : { dir: null, reason: link.unread, version: link.commit };
  }
  return null;
}

const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** `count = COND ? N : 0`, written as `${…}` or bare. */
function isConditional(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  return singleInterpolation(templateNode(raw))?.kind === 'conditional';
}

/** A default that switches a feature off: a boolean flag, or an empty value meant to be passed in. */
function isOffState(v: Value): boolean {
  return typeof v === 'boolean' || v === '' || isEmptyValue(v);
}
