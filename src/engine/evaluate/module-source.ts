// The file index of one module: its variables, locals, outputs, resources, module calls,
// moved / removed / import blocks and tfvars, read from the parsed files of one directory.
import { isConfigFile } from '../hcl/config-files.js';
import type { LocatedBlock } from '../hcl/locate.js';
import type { ParsedFile } from '../hcl/parse.js';
import type { Input } from '../model/types.js';
import { argumentIdentity, type IdentityNames } from './argument-identity.js';
import { echoedArguments, echoedDataArguments, lookupArguments } from './known-before-apply.js';
import type { Value } from './value.js';
import { referencedNames } from './references.js';
import type { TerragruntContext } from './terragrunt-context.js';
import { isTerragruntFile, terragruntUnit, type TerragruntTree, type UnitInputs } from './terragrunt.js';
import { tfvarsInPrecedence } from './tfvars.js';
import { typeKind } from './variable-type.js';

export interface Declaration {
  kind: 'resource' | 'module' | 'data';
  type: string;
  name: string;
  body: Record<string, unknown>;
  file: string;
  block: LocatedBlock | null;
  /** A call's arguments evaluated its own way (a Terragrunt unit: each in the file that wrote it). */
  inputs?: (name: string) => Value | undefined;
  /** Why the call's module cannot be analysed before its source is even looked at. */
  unreadable?: string;
  /** Files a Terragrunt unit's `generate` blocks add to its module's (terragrunt.ts generatedFiles). */
  generated?: ParsedFile[];
}

/** The files of one directory, read as one Terraform module. */
export class ModuleSource {
  readonly variables = new Map<string, Record<string, unknown>>();
  readonly locals = new Map<string, { raw: unknown; file: string }>();
  readonly resources = new Map<string, Declaration>();
  readonly calls = new Map<string, Declaration>();
  readonly outputs = new Map<string, unknown>();
  /** Every data source by `TYPE.NAME` (its count / for_each, what it echoes). */
  readonly dataSources = new Map<string, Declaration>();
  readonly moved: { from: string; to: string }[] = [];
  /** `removed { from }` and `import { to }` addresses: the author said what becomes of them. */
  readonly removed: string[] = [];
  readonly imported: string[] = [];
  /** `import { to, id }`: the id the existing object has, as written (model/imported-groups.ts). */
  readonly importIds: { to: string; id: unknown }[] = [];
  /** Variable defaults, tfvars assignments and locals, located, for "what changed" messages. */
  readonly inputs: Input[] = [];
  /** A lookup's arguments as written, for their identity (set once every local is read). */
  readonly #lookupRaw = new Map<Input, unknown>();
  /** tfvars files in Terraform's precedence order (later wins). */
  readonly tfvars: ParsedFile[] = [];
  /** Set when the directory is a Terragrunt unit. */
  readonly terragrunt: TerragruntContext | null = null;
  /** A Terragrunt unit without a source: its `inputs`, TF_VAR_* values of this directory's variables (below tfvars). */
  readonly terragruntInputs: UnitInputs | null = null;

  constructor(
    readonly dir: string,
    readonly files: ParsedFile[],
    /** The whole tree, for the files a Terragrunt unit includes. */
    readonly tree: TerragruntTree,
  ) {
    const tf = files.filter((f) => isConfigFile(f.path));
    for (const file of tf) this.#read(file);
    this.#prefixListEntryInputs();
    for (const file of files.filter((f) => isTerragruntFile(f.path))) {
      this.#read(file); // its locals
      const unit = terragruntUnit(file, tree);
      this.terragrunt = unit.context;
      if (unit.call && !this.calls.has(unit.call.name)) this.calls.set(unit.call.name, unit.call);
      this.terragruntInputs = unit.inputs;
      for (const g of unit.generated) this.#read(g); // a unit without a source: Terraform runs here
      for (const i of unit.inputs?.written ?? []) this.inputs.push(input(dir, 'tfvars', i.name, i.span.file ?? file.path, i.span, i.raw));
    }
    this.tfvars = tfvarsInPrecedence(files);
    this.#readTfvars(this.tfvars);
    // a local rewritten to the same value (through other locals, in 0.11 or 0.12 syntax) is unchanged
    for (const i of this.inputs) if (i.kind === 'local') i.identity = argumentIdentity(this.locals.get(i.name)?.raw, this.identityNames);
    // a lookup's argument rewritten (0.11 `config { … }` → `config = { … }`, "${…}") finds the same
    for (const [i, raw] of this.#lookupRaw) i.identity = argumentIdentity(Array.isArray(raw) && raw.length === 1 ? raw[0] : raw, this.identityNames);
  }

  /**
   * A managed prefix list's entries written as `aws_ec2_managed_prefix_list_entry` resources
   * are part of its `entry`, which a rule referencing the list allows (known-before-apply.ts
   * STANDS_FOR): the list's `entry` input refers to each entry's `cidr`, and a data source
   * reading the list by its name (prefix-list-lookup.ts) to the list's `entry`, so a widened
   * entry is where the finding sits.
   */
  #prefixListEntryInputs(): void {
    const entryInput = (list: string): Input | undefined => {
      const declared = this.resources.get(`aws_ec2_managed_prefix_list.${list}`);
      if (!declared) return undefined;
      const name = `aws_ec2_managed_prefix_list.${list}.entry`;
      const found = this.inputs.find((i) => i.kind === 'argument' && i.name === name);
      if (found) return found;
      const made = input(this.dir, 'argument', name, declared.file, declared.block, null);
      this.inputs.push(made);
      return made;
    };
    // a new array each time: referencedNames' arrays are shared
    const refer = (i: Input | undefined, name: string) => i && (i.refs = [...i.refs, name]);
    for (const r of this.resources.values()) {
      if (r.type !== 'aws_ec2_managed_prefix_list_entry') continue;
      const list = /^\$\{aws_ec2_managed_prefix_list\.([\w-]+)\.id\}$/.exec(String(r.body['prefix_list_id'] ?? '').trim())?.[1];
      if (list !== undefined) refer(entryInput(list), `aws_ec2_managed_prefix_list_entry.${r.name}.cidr`);
    }
    for (const d of this.dataSources.values()) {
      if (d.type !== 'aws_ec2_managed_prefix_list' || typeof d.body['name'] !== 'string') continue;
      const named = [...this.resources.values()].filter((r) => r.type === 'aws_ec2_managed_prefix_list' && r.body['name'] === d.body['name']);
      const lookup = this.inputs.find((i) => i.kind === 'lookup' && i.name === `data.${d.type}.${d.name}`);
      if (named.length === 1 && entryInput(named[0]!.name)) refer(lookup, `aws_ec2_managed_prefix_list.${named[0]!.name}.entry`);
    }
  }

  /** This module as the working directory of a Terragrunt unit, with the files its `generate` blocks write. */
  withGenerated(generated: ParsedFile[] | undefined): ModuleSource {
    return generated?.length ? new ModuleSource(this.dir, [...this.files, ...generated], this.tree) : this;
  }

  /** The var files a root is applied with (`-var-file`, var-files.ts), read after the automatic tfvars, in order. */
  addVarFiles(files: ParsedFile[]): void {
    this.tfvars.push(...files);
    this.#readTfvars(files);
  }

  #readTfvars(files: ParsedFile[]): void {
    for (const f of files) {
      for (const [name, raw] of Object.entries(f.body)) this.inputs.push(input(this.dir, 'tfvars', name, f.path, f.located.attributes.get(name) ?? null, raw));
      // one that cannot be read may set any variable (module.ts): a change to its bytes is a changed value of each
      if (f.error) for (const name of this.variables.keys()) this.inputs.push(input(this.dir, 'tfvars', name, f.path, null, { unread: f.digest ?? null }));
    }
  }

  /** What an argument's identity may look through here (argument-identity.ts). */
  readonly identityNames: IdentityNames = {
    local: (name) => this.locals.get(name)?.raw,
    isBoolVariable: (name) => typeKind(this.variables.get(name)?.['type']) === 'bool',
    isListVariable: (name) => ['list', 'set', 'tuple'].includes(typeKind(this.variables.get(name)?.['type']) ?? ''),
  };

  #read(file: ParsedFile): void {
    const body = file.body;
    for (const [name, decls] of Object.entries((body['variable'] ?? {}) as Record<string, Record<string, unknown>[]>)) {
      this.variables.set(name, decls[0] ?? {});
      const block = file.located.blocks.find((b) => b.type === 'variable' && b.labels[0] === name);
      this.inputs.push(
        input(
          this.dir,
          'variable',
          name,
          block?.attributes.get('default')?.file ?? file.path,
          block?.attributes.get('default') ?? block ?? null,
          decls[0]?.['default'] ?? null,
        ),
      );
    }
    const localBlocks = file.located.blocks.filter((b) => b.type === 'locals');
    for (const block of (body['locals'] ?? []) as Record<string, unknown>[]) {
      for (const [name, raw] of Object.entries(block)) {
        this.locals.set(name, { raw, file: file.path });
        const span = localBlocks.map((b) => b.attributes.get(name)).find((s) => s !== undefined);
        this.inputs.push(input(this.dir, 'local', name, span?.file ?? file.path, span ?? null, raw));
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
    for (const r of (body['removed'] ?? []) as Record<string, unknown>[]) {
      const from = refText(r['from']);
      if (from) this.removed.push(from);
    }
    for (const i of (body['import'] ?? []) as Record<string, unknown>[]) {
      const to = refText(i['to']);
      if (to) this.imported.push(to);
      if (to && i['id'] !== undefined) this.importIds.push({ to, id: i['id'] });
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
        this.#echoedInputs(file, key, decls[0], located, echoedArguments(type));
        const madeOf = lookupArguments('resource', type, decls[0]);
        if (madeOf.length) this.#lookupInputs(file, key, decls[0], located, madeOf, echoedArguments(type));
      }
    }
    for (const [type, byName] of Object.entries((body['data'] ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>)) {
      for (const [name, decls] of Object.entries(byName)) {
        const key = `${type}.${name}`;
        const located = findBlock('data', [type, name]);
        if (this.dataSources.has(key) || !decls[0]) continue; // a duplicate is a Terraform error; keep the first
        this.dataSources.set(key, { kind: 'data', type, name, body: decls[0], file: file.path, block: located });
        this.#echoedInputs(file, `data.${key}`, decls[0], located, echoedDataArguments(type));
        this.#lookupInputs(file, `data.${key}`, decls[0], located, lookupArguments('data', type, decls[0]), echoedDataArguments(type));
      }
    }
    for (const [name, decls] of Object.entries((body['module'] ?? {}) as Record<string, Record<string, unknown>[]>)) {
      if (this.calls.has(name) || !decls[0]) continue;
      this.calls.set(name, { kind: 'module', type: 'module', name, body: decls[0], file: file.path, block: findBlock('module', [name]) });
    }
  }

  /** The written arguments an attribute echoes, as inputs a rule can depend on (`aws_vpc.main.cidr_block`). */
  #echoedInputs(file: ParsedFile, key: string, body: Record<string, unknown>, located: LocatedBlock | null, echoed: readonly string[]): void {
    for (const attribute of echoed) {
      if (!Object.hasOwn(body, attribute)) continue;
      const span = located?.attributes.get(attribute) ?? located;
      this.inputs.push(input(this.dir, 'argument', `${key}.${attribute}`, span?.file ?? file.path, span, body[attribute]));
    }
  }

  /**
   * The arguments a data source looks up with (or a resource's computed attribute is made of,
   * known-before-apply.ts): each an input (the echoed ones already are), and the object itself,
   * whose value is which arguments are written (one removed finds something else too) and
   * which changes with any of them: `data.aws_security_group.x.id` with a new `name` is
   * another group.
   */
  #lookupInputs(file: ParsedFile, key: string, body: Record<string, unknown>, located: LocatedBlock | null, used: string[], echoed: readonly string[]): void {
    for (const argument of used) {
      if (echoed.includes(argument)) continue;
      const nested = located?.blocks.filter((b) => b.type === argument) ?? [];
      // a nested block (`filter { … }`, repeated): from the first to the last
      const span = located?.attributes.get(argument) ?? (nested.length ? { ...nested[0]!, endLine: nested.at(-1)!.endLine } : located);
      const i = input(this.dir, 'argument', `${key}.${argument}`, span?.file ?? file.path, span, body[argument]);
      this.#lookupRaw.set(i, body[argument]);
      this.inputs.push(i);
    }
    const object = input(this.dir, 'lookup', key, located?.file ?? file.path, located, [...used].sort());
    object.refs = used.map((argument) => `${key}.${argument}`);
    this.inputs.push(object);
  }
}

function input(dir: string, kind: Input['kind'], name: string, file: string, span: { startLine: number; endLine: number } | null, raw: unknown): Input {
  return {
    dir,
    kind,
    name,
    file,
    line: span?.startLine ?? 1,
    endLine: span?.endLine ?? span?.startLine ?? 1,
    digest: JSON.stringify(raw) ?? 'null',
    refs: kind === 'local' || kind === 'argument' ? referencedNames(raw) : [],
  };
}

/** `moved { from = aws_security_group.a }` (and `removed`, `import`) arrives as "${aws_security_group.a}". */
function refText(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^\$\{(.*)\}$/s.exec(raw.trim());
  return (m ? m[1]! : raw).trim();
}
