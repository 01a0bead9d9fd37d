// Module instances: the scope an expression is evaluated in. Variables (defaults, tfvars in
// Terraform's precedence, or the caller's arguments), locals (lazily, cycle-safe), resources
// (expanded by count / for_each) and local module calls (recursively, depth-bounded).
import { posix } from 'node:path';
import type { Node } from '../hcl/expression.js';
import type { LocatedBlock } from '../hcl/locate.js';
import type { ParsedFile } from '../hcl/parse.js';
import type { Input } from '../model/types.js';
import { evaluateJson, templateNode, withNames, type ModuleContext, type Scope } from './evaluate.js';
import { convertToType } from './types.js';
import { Lazy, Ref, Unknown, isObject, toNumberValue, toStringValue, type ObjectValue, type Value } from './value.js';

export const MAX_MODULE_DEPTH = 8;

export interface Declaration {
  kind: 'resource' | 'module';
  type: string;
  name: string;
  body: Record<string, unknown>;
  file: string;
  block: LocatedBlock | null;
}

/** The files of one directory, read as one Terraform module. */
export class ModuleSource {
  readonly variables = new Map<string, Record<string, unknown>>();
  readonly locals = new Map<string, { raw: unknown; file: string }>();
  readonly resources = new Map<string, Declaration>();
  readonly calls = new Map<string, Declaration>();
  readonly outputs = new Map<string, unknown>();
  readonly moved: { from: string; to: string }[] = [];
  /** Variable defaults, tfvars assignments and locals, located, for "what changed" messages. */
  readonly inputs: Input[] = [];
  /** tfvars files in Terraform's precedence order (later wins). */
  readonly tfvars: ParsedFile[] = [];

  constructor(
    readonly dir: string,
    readonly files: ParsedFile[],
  ) {
    const tf = files.filter((f) => f.path.endsWith('.tf') || f.path.endsWith('.tf.json'));
    for (const file of tf) this.#read(file);
    const base = (f: ParsedFile) => posix.basename(f.path);
    const order = (f: ParsedFile) => {
      const n = base(f);
      if (n === 'terraform.tfvars') return '0';
      if (n === 'terraform.tfvars.json') return '1';
      return '2' + n;
    };
    this.tfvars = files.filter((f) => isTfvars(base(f))).sort((a, b) => (order(a) < order(b) ? -1 : 1));
    for (const f of this.tfvars) {
      for (const [name, raw] of Object.entries(f.body))
        this.inputs.push(input(dir, 'tfvars', name, f.path, f.located.attributes.get(name)?.startLine ?? 1, raw));
    }
  }

  #read(file: ParsedFile): void {
    const body = file.body;
    for (const [name, decls] of Object.entries((body['variable'] ?? {}) as Record<string, Record<string, unknown>[]>)) {
      this.variables.set(name, decls[0] ?? {});
      const block = file.located.blocks.find((b) => b.type === 'variable' && b.labels[0] === name);
      this.inputs.push(
        input(this.dir, 'variable', name, file.path, block?.attributes.get('default')?.startLine ?? block?.startLine ?? 1, decls[0]?.['default'] ?? null),
      );
    }
    const localBlocks = file.located.blocks.filter((b) => b.type === 'locals');
    for (const block of (body['locals'] ?? []) as Record<string, unknown>[]) {
      for (const [name, raw] of Object.entries(block)) {
        this.locals.set(name, { raw, file: file.path });
        const line = localBlocks.map((b) => b.attributes.get(name)?.startLine).find((l) => l !== undefined) ?? 1;
        this.inputs.push(input(this.dir, 'local', name, file.path, line, raw));
      }
    }
    for (const [name, decls] of Object.entries((body['output'] ?? {}) as Record<string, Record<string, unknown>[]>)) {
      this.outputs.set(name, decls[0]?.['value'] ?? null);
    }
    for (const m of (body['moved'] ?? []) as Record<string, unknown>[]) {
      const from = refText(m['from']);
      const to = refText(m['to']);
      if (from && to) this.moved.push({ from, to });
    }
    const blocks = file.located.blocks;
    const nth = new Map<string, number>();
    // blocks by kind and labels, so locating every resource of a large file stays linear
    const byKey = new Map<string, LocatedBlock[]>();
    for (const b of blocks) {
      for (const n of [1, 2]) {
        const key = [b.type, ...b.labels.slice(0, n)].join('\0');
        const list = byKey.get(key);
        if (list) list.push(b);
        else byKey.set(key, [b]);
      }
    }
    const findBlock = (kind: string, labels: string[]): LocatedBlock | null => {
      const key = [kind, ...labels].join('\0');
      const index = nth.get(key) ?? 0;
      nth.set(key, index + 1);
      return byKey.get(key)?.[index] ?? null;
    };
    for (const [type, byName] of Object.entries((body['resource'] ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>)) {
      for (const [name, decls] of Object.entries(byName)) {
        const key = `${type}.${name}`;
        const located = findBlock('resource', [type, name]);
        if (this.resources.has(key) || !decls[0]) continue; // a duplicate is a Terraform error; keep the first
        this.resources.set(key, { kind: 'resource', type, name, body: decls[0], file: file.path, block: located });
      }
    }
    for (const [name, decls] of Object.entries((body['module'] ?? {}) as Record<string, Record<string, unknown>[]>)) {
      if (this.calls.has(name) || !decls[0]) continue;
      this.calls.set(name, { kind: 'module', type: 'module', name, body: decls[0], file: file.path, block: findBlock('module', [name]) });
    }
  }
}

/** The directory a local module source designates, relative to the tree ('' is the root). */
export function localModuleDir(fromDir: string, source: unknown): string | null {
  if (typeof source !== 'string' || !(source.startsWith('./') || source.startsWith('../'))) return null;
  const dir = posix.normalize(posix.join(fromDir || '.', source)).replace(/\/+$/, '');
  return dir === '.' || dir === '' ? '' : dir;
}

/** The `var.x` / `local.y` names an hcl2json value refers to. */
const namesOf = new WeakMap<object, string[]>();

export function referencedNames(raw: unknown): string[] {
  const cached = raw && typeof raw === 'object' ? namesOf.get(raw) : undefined;
  if (cached) return cached;
  const text = JSON.stringify(raw) ?? '';
  const names = [...new Set([...text.matchAll(/\b(var|local)\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => `${m[1]}.${m[2]}`))];
  if (raw && typeof raw === 'object') namesOf.set(raw, names);
  return names;
}

function input(dir: string, kind: Input['kind'], name: string, file: string, line: number, raw: unknown): Input {
  return { dir, kind, name, file, line, digest: JSON.stringify(raw) ?? 'null', refs: kind === 'local' ? referencedNames(raw) : [] };
}

export function isTfvars(name: string): boolean {
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(name);
}

/** `moved { from = aws_security_group.a }` arrives as "${aws_security_group.a}". */
function refText(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^\$\{(.*)\}$/s.exec(raw.trim());
  return (m ? m[1]! : raw).trim();
}

/** How a resource or module call expands. */
export type Expansion =
  | { kind: 'single' }
  | { kind: 'instances'; keys: { key: string | number; scope: Record<string, Value> }[] }
  | { kind: 'unknown'; unknown: Unknown; scope: Record<string, Value> };

export function instanceAddress(base: string, key: string | number | null | '*'): string {
  if (key === null) return base;
  if (key === '*') return `${base}[*]`;
  return typeof key === 'number' ? `${base}[${key}]` : `${base}[${JSON.stringify(key)}]`;
}

export interface ModuleDiagnostics {
  /** Module calls that are not local paths, or whose directory is missing or too deep. */
  external: { address: string; source: string; reason: string }[];
}

/** Gives the files of a directory (relative to the analysed tree), or null when absent. */
export type DirectoryReader = (dir: string) => ModuleSource | null;

export class ModuleInstance implements ModuleContext {
  readonly #variables = new Map<string, Value>();
  readonly #locals = new Map<string, Value>();
  readonly #inProgress = new Set<string>();
  readonly #outputs = new Map<string, Value>();
  readonly #expansions = new Map<string, Expansion>();
  readonly #children = new Map<string, { expansion: Expansion; instances: Map<string, ModuleInstance> | null; external: string | null }>();
  readonly scope: Scope;

  constructor(
    readonly source: ModuleSource,
    /** '' for the root, else `module.a` or `module.a["k"].module.b`. */
    readonly address: string,
    readonly read: DirectoryReader,
    readonly diagnostics: ModuleDiagnostics,
    /** The caller's arguments, evaluated lazily in the caller's scope; null for a root module. */
    readonly inputs: ((name: string) => Value | undefined) | null,
    readonly ancestors: string[] = [],
    /** Set on root modules when a tree has several: addresses become `dir:TYPE.NAME`. */
    readonly rootLabel: string | null = null,
  ) {
    this.scope = { module: this, names: new Map() };
  }

  get path(): string {
    return this.source.dir || '.';
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
    if (!decl) return new Unknown(src, `variable "${name}" is not declared in ${this.path}`);
    const typeNode = typeOf(decl['type']);
    let value: Value | undefined;
    if (this.inputs) value = this.inputs(name);
    else {
      for (const file of this.source.tfvars) {
        if (name in file.body) value = evaluateJson(file.body[name], this.scope);
      }
    }
    if (value === undefined || (value === null && decl['nullable'] === false)) {
      if (!('default' in decl)) {
        const where = this.inputs ? 'the module call does not set it' : 'it has no default and no tfvars value';
        return new Unknown(src, `var.${name} is unknown: ${where}`);
      }
      value = evaluateJson(decl['default'], this.scope);
    }
    return convertToType(value, typeNode, this.scope);
  }

  local(name: string): Value {
    const cached = this.#locals.get(name);
    if (cached !== undefined) return cached;
    const decl = this.source.locals.get(name);
    if (!decl) return new Unknown(`local.${name}`, `local.${name} is not declared in ${this.path}`);
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
      if (this.#inProgress.has(guard)) return { kind: 'unknown', unknown: new Unknown(key, 'count or for_each refers to itself'), scope: {} };
      this.#inProgress.add(guard);
      try {
        e = expand(decl.body, this.scope);
      } finally {
        this.#inProgress.delete(guard);
      }
      this.#expansions.set(key, e);
    }
    return e;
  }

  resource(type: string, name: string, src: string): Value {
    const decl = this.source.resources.get(`${type}.${name}`);
    if (!decl) return new Unknown(src, `${type}.${name} is not declared in ${this.path}`);
    const base = this.prefix(`${type}.${name}`);
    const e = this.expansion(decl);
    if (e.kind === 'single') return new Ref(base, '');
    if (e.kind === 'unknown') return new Unknown(src, `the instances of ${base} are unknown: ${e.unknown.reason}`);
    if (decl.body['count'] !== undefined) return e.keys.map((k) => new Ref(instanceAddress(base, k.key), ''));
    const out: ObjectValue = {};
    for (const k of e.keys) out[String(k.key)] = new Ref(instanceAddress(base, k.key), '');
    return out;
  }

  moduleCall(name: string, src: string): Value {
    const child = this.child(name);
    if (!child) return new Unknown(src, `module "${name}" is not declared in ${this.path}`);
    if (child.external) {
      const label = this.prefix(`module.${name}`);
      return new Lazy(label, (output) => new Unknown(`${label}.${output}`, child.external!));
    }
    const { expansion, instances } = child;
    const lazy = (m: ModuleInstance) => new Lazy(m.address, (output) => m.output(output));
    if (expansion.kind === 'unknown') return new Unknown(src, `the instances of module.${name} are unknown: ${expansion.unknown.reason}`);
    if (expansion.kind === 'single') return lazy([...instances!.values()][0]!);
    const decl = this.source.calls.get(name)!;
    if (decl.body['count'] !== undefined) return [...instances!.values()].map(lazy);
    const out: ObjectValue = {};
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
    const dir = localModuleDir(this.source.dir, sourceText);
    const sourceDir = dir === null ? null : this.read(dir);
    if (
      dir === null ||
      !sourceDir ||
      this.ancestors.length >= MAX_MODULE_DEPTH ||
      this.ancestors.includes(sourceDir.dir) ||
      sourceDir.dir === this.source.dir
    ) {
      const reason =
        dir === null
          ? `an output of a module from "${sourceText}", which is not analysed (only local modules are)`
          : !sourceDir
            ? `an output of module source "${sourceText}", whose directory has no Terraform files`
            : `an output of module "${sourceText}", not analysed (modules nested too deep or in a cycle)`;
      result.external = reason;
      this.diagnostics.external.push({ address: base, source: sourceText, reason });
      return result;
    }
    result.expansion = this.expansion(decl);
    const instances = new Map<string, ModuleInstance>();
    const makeInstance = (address: string, names: Record<string, Value>) => {
      const scope = withNames(this.scope, names);
      return new ModuleInstance(
        sourceDir,
        address,
        this.read,
        this.diagnostics,
        (variable) => (variable in decl.body && !META_ARGUMENTS.has(variable) ? evaluateJson(decl.body[variable], scope) : undefined),
        [...this.ancestors, this.source.dir],
      );
    };
    if (result.expansion.kind === 'single') instances.set('', makeInstance(base, {}));
    else if (result.expansion.kind === 'unknown') instances.set('*', makeInstance(instanceAddress(base, '*'), result.expansion.scope));
    else for (const k of result.expansion.keys) instances.set(String(k.key), makeInstance(instanceAddress(base, k.key), k.scope));
    result.instances = instances;
    return result;
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

const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

function typeOf(raw: unknown): Node | null {
  if (typeof raw !== 'string') return null;
  try {
    const node = templateNode(raw);
    if (node.kind === 'template' && node.parts.length === 1 && typeof node.parts[0] !== 'string' && node.parts[0]!.kind === 'interp')
      return node.parts[0]!.expr;
  } catch {
    return null;
  }
  return null;
}

/** Evaluates count / for_each of a resource or module call body. */
export function expand(body: Record<string, unknown>, scope: Scope): Expansion {
  if (body['count'] !== undefined) {
    const count = evaluateJson(body['count'], scope);
    if (count instanceof Unknown) return { kind: 'unknown', unknown: count, scope: { count: { index: new Unknown('count.index', 'the count is unknown') } } };
    let n: number;
    try {
      n = toNumberValue(count);
    } catch {
      return {
        kind: 'unknown',
        unknown: new Unknown(String(body['count']), 'count is not a number'),
        scope: { count: { index: new Unknown('count.index', 'the count is unknown') } },
      };
    }
    return { kind: 'instances', keys: Array.from({ length: Math.max(0, Math.floor(n)) }, (_x, i) => ({ key: i, scope: { count: { index: i } } })) };
  }
  if (body['for_each'] !== undefined) {
    const each = evaluateJson(body['for_each'], scope);
    const unknownEach = { each: { key: new Unknown('each.key', 'for_each is unknown'), value: new Unknown('each.value', 'for_each is unknown') } };
    if (each instanceof Unknown) return { kind: 'unknown', unknown: each, scope: unknownEach };
    if (isObject(each)) {
      return {
        kind: 'instances',
        keys: Object.keys(each)
          .sort()
          .map((k) => ({ key: k, scope: { each: { key: k, value: each[k]! } } })),
      };
    }
    if (Array.isArray(each)) {
      const keys: string[] = [];
      for (const item of each) {
        if (item instanceof Unknown || item instanceof Ref)
          return { kind: 'unknown', unknown: new Unknown(String(body['for_each']), 'a for_each key is known only after apply'), scope: unknownEach };
        try {
          keys.push(toStringValue(item));
        } catch {
          return { kind: 'unknown', unknown: new Unknown(String(body['for_each']), 'for_each must be a map or a set of strings'), scope: unknownEach };
        }
      }
      return { kind: 'instances', keys: [...new Set(keys)].sort().map((k) => ({ key: k, scope: { each: { key: k, value: k } } })) };
    }
    if (each === null) return { kind: 'instances', keys: [] };
    return { kind: 'unknown', unknown: new Unknown(String(body['for_each']), 'for_each must be a map or a set of strings'), scope: unknownEach };
  }
  return { kind: 'single' };
}
