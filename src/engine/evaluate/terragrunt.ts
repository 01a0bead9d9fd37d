// Terragrunt: a `terragrunt.hcl` with `terraform { source = … }` and `inputs = { … }` is a
// module call with those arguments. `include` merges the included file's `inputs` (shallow
// by default: the unit's own keys win; `deep` / `deep_map_only` merge maps, `deep` also
// concatenates lists) and its `terraform { source }` when the unit has none. Each value is
// evaluated in the scope of the file that wrote it: the parent's inputs see the parent's
// locals (Terragrunt does not share locals across an include, except through
// `include.LABEL.locals` when exposed). `dependency` outputs stay unknown (their
// `mock_outputs` are for plans, not facts). An include that cannot be read makes the unit's
// module unanalysed: what the parent sets is unknown.
import { posix } from 'node:path';
import { dirOf, isConfigFile } from '../hcl/config-files.js';
import type { LocatedBlock, Span } from '../hcl/locate.js';
import type { ParsedFile, SourceFile } from '../hcl/parse.js';
import { evaluateJson } from './evaluate.js';
import type { Declaration } from './module-source.js';
import { TerragruntFile, treePath, type TerragruntContext } from './terragrunt-context.js';
import { isTfvars, tfvarsInPrecedence } from './tfvars.js';
import { Unknown, hasKey, isObject, newObject, type Value } from './value.js';

export const TERRAGRUNT_FILE = 'terragrunt.hcl';

export function isTerragruntFile(path: string): boolean {
  return path === TERRAGRUNT_FILE || path.endsWith(`/${TERRAGRUNT_FILE}`);
}

/** The files of a tree, for resolving what a unit includes. */
export interface TerragruntTree {
  files: ReadonlyMap<string, ParsedFile>;
  exists(path: string): boolean;
  /** The files each unit's `generate` blocks write into its working directory, by the unit's path. */
  generated?: ReadonlyMap<string, ParsedFile[]>;
}

/** Whether a path or directory is among `paths` (directories are the paths' ancestors). */
export function pathSet(paths: Iterable<string>): (path: string) => boolean {
  const all = new Set<string>();
  for (const p of paths) {
    for (let d = p; d && d !== '.'; d = posix.dirname(d)) all.add(d);
  }
  return (path) => all.has(path);
}

/**
 * Terragrunt's source forms as Terraform module sources: `tfr:///ns/name/provider?version=x`
 * is a registry module, `//` marks a subdirectory of a local tree, and an absolute path (what
 * `get_terragrunt_dir()` and friends answer) is made relative to the unit's directory.
 */
export function terragruntSource(source: string, unitDir = ''): { source: string; version: string } {
  const tfr = /^tfr:\/\/([^/]*)\/([^?]+)(?:\?version=(.+))?$/.exec(source);
  if (tfr) return { source: tfr[1] ? `${tfr[1]}/${tfr[2]}` : tfr[2]!, version: tfr[3] ?? '' };
  if (source.startsWith('/')) {
    const relative = posix.relative(unitDir || '.', treePath('', source.replace(/\/\/+/g, '/')) || '.') || '.';
    return { source: relative.startsWith('..') ? relative : `./${relative}`, version: '' };
  }
  if (source.startsWith('./') || source.startsWith('../')) return { source: source.replace(/\/\/+/g, '/'), version: '' };
  return { source, version: '' };
}

interface IncludeBlock {
  label: string;
  body: Record<string, unknown>;
}

function includeBlocks(file: ParsedFile): IncludeBlock[] {
  const raw = file.body['include'];
  if (Array.isArray(raw)) return (raw as Record<string, unknown>[]).map((body) => ({ label: '', body }));
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, Record<string, unknown>[]>).flatMap(([label, decls]) => (decls[0] ? [{ label, body: decls[0] }] : []));
}

/** What a unit includes: each file (relative to the tree), or null when its path is not known statically. */
export function includedFiles(file: ParsedFile, exists: (path: string) => boolean): { label: string; path: string | null; written: string }[] {
  const unitDir = dirOf(file.path);
  const scope = new TerragruntFile(file, { unitDir, includes: new Map(), exposed: new Map(), exists }).scope;
  return includeBlocks(file).map(({ label, body }) => {
    const path = evaluateJson(body['path'], scope);
    return { label, path: typeof path === 'string' ? treePath(unitDir, path) : null, written: JSON.stringify(body['path']) ?? '' };
  });
}

/** The argument standing for a whole `inputs` whose keys could not be evaluated. */
const ALL_INPUTS = 'inputs';

interface Argument {
  raw: unknown;
  span: Span;
  value: () => Value;
}

/** A unit's merged `inputs`: each value (evaluated in the file that wrote it) and where it is written. */
export interface UnitInputs {
  value(name: string): Value | undefined;
  written: { name: string; raw: unknown; span: Span }[];
}

/**
 * A unit: the context its files are evaluated in, and the module call it declares; without a
 * source, Terragrunt runs Terraform in the unit's own directory with `inputs` as TF_VAR_*
 * values (`inputs`, for that directory's module; null when the unit has a source).
 */
export function terragruntUnit(
  file: ParsedFile,
  tree: TerragruntTree,
): { context: TerragruntContext; call: Declaration | null; inputs: UnitInputs | null; generated: ParsedFile[] } {
  const unitDir = dirOf(file.path);
  const { includes, context, own, merged } = unitFiles(file, tree);
  const generated = tree.generated?.get(file.path) ?? [];

  const unread = includes.filter((i) => i.path === null || !tree.files.has(i.path));
  const sourceFrom = [own, ...merged.map((p) => p.scope).reverse()].find((s) => terraformBlock(s.file)?.['source'] !== undefined);
  const args = new Map<string, Argument>();
  for (const p of merged) mergeInputs(args, p.scope, p.strategy);
  mergeInputs(args, own, merged.length ? merged[merged.length - 1]!.strategy : 'shallow');
  const given = (name: string) => (args.get(name) ?? args.get(ALL_INPUTS))?.value();
  if (!sourceFrom && !unread.length) {
    return { context, call: null, inputs: { value: given, written: [...args].map(([name, a]) => ({ name, raw: a.raw, span: a.span })) }, generated };
  }

  const block = file.located.blocks.find((b) => b.type === 'terraform');
  const span = file.located.attributes.get('inputs') ?? block ?? { startLine: 1, endLine: 1 };
  const located: LocatedBlock = {
    type: 'module',
    labels: ['terragrunt'],
    startLine: Math.min(block?.startLine ?? span.startLine, span.startLine),
    endLine: Math.max(block?.endLine ?? span.endLine, span.endLine),
    attributes: new Map([...[...args].map(([k, a]) => [k, a.span] as const), ['source', block ?? span]]),
    blocks: [],
  };
  const written = sourceFrom ? evaluateJson(terraformBlock(sourceFrom.file)!['source'], sourceFrom.scope) : null;
  const { source, version } =
    typeof written === 'string'
      ? terragruntSource(written, unitDir)
      : { source: JSON.stringify(terraformBlock(sourceFrom?.file ?? file)?.['source'] ?? ''), version: '' };
  const body: Record<string, unknown> = {};
  for (const [k, a] of args) body[k] = a.raw;
  const call: Declaration = {
    kind: 'module',
    type: 'module',
    name: 'terragrunt',
    body: { ...body, source, ...(version ? { version } : {}) },
    file: file.path,
    block: located,
    inputs: overTfvars(workingDirTfvars(tree, unitDir, source), own, given),
    ...(generated.length ? { generated } : {}),
  };
  if (unread.length) {
    const what = unread.map((i) => (i.path === null ? `its include path ${i.written} is not known statically` : `${i.path} is not in the files read`));
    call.unreadable = `the unit includes a file that could not be read (${what.join('; ')}), so what it sets is unknown`;
  }
  return { context, call, inputs: null, generated: [] };
}

/** A unit's file and those it includes, each evaluated as the unit; `merged`: those whose blocks the unit takes. */
function unitFiles(file: ParsedFile, tree: TerragruntTree) {
  const includes = includedFiles(file, tree.exists);
  const read = includes.flatMap((i) => {
    const parent = i.path === null ? undefined : tree.files.get(i.path);
    const block = includeBlocks(file).find((b) => b.label === i.label)!.body;
    return parent ? [{ ...i, parent, strategy: String(block['merge_strategy'] ?? 'shallow'), expose: block['expose'] === true }] : [];
  });
  const exposed = new Map<string, TerragruntFile>();
  const context: TerragruntContext = {
    unitDir: dirOf(file.path),
    includes: new Map(read.map((i) => [i.label, i.parent.path])),
    exposed,
    exists: tree.exists,
    parsed: (p) => tree.files.get(p),
  };
  const own = new TerragruntFile(file, context);
  const parents = read.map((i) => ({ ...i, scope: new TerragruntFile(i.parent, context) }));
  for (const p of parents) if (p.expose) exposed.set(p.label, p.scope);
  return { includes, context, own, merged: parents.filter((p) => p.strategy !== 'no_merge') };
}

/**
 * The Terraform files a unit's `generate` blocks (its own, and those of the files it merges;
 * the unit's win by label) write into its working directory, where Terraform reads them with
 * the module's: `contents` evaluated as the unit, at `path` in the unit's directory, the
 * heredoc's lines kept where they are written. A block whose contents are not known statically,
 * or that is disabled, writes nothing here.
 */
export function generatedFiles(file: ParsedFile, tree: TerragruntTree): SourceFile[] {
  const { own, merged } = unitFiles(file, tree);
  const byLabel = new Map<string, SourceFile>();
  for (const scope of [...merged.map((p) => p.scope), own]) {
    const blocks = (scope.file.body['generate'] ?? {}) as Record<string, Record<string, unknown>[]>;
    for (const [label, [body]] of Object.entries(blocks)) {
      const path = body ? evaluateJson(body['path'], scope.scope) : null;
      const contents = body ? evaluateJson(body['contents'], scope.scope) : null;
      const disabled = body && evaluateJson(body['disable'] ?? false, scope.scope) !== false;
      if (typeof path !== 'string' || typeof contents !== 'string' || disabled || !isConfigFile(path)) continue;
      const at = scope.file.located.blocks.find((b) => b.type === 'generate' && b.labels[0] === label)?.attributes.get('contents')?.startLine ?? 0;
      byLabel.set(label, { path: treePath(own.context.unitDir, path), content: '\n'.repeat(at) + contents });
    }
  }
  return [...byLabel.values()];
}

/**
 * The tfvars files Terraform loads in the unit's working directory: Terragrunt copies the
 * unit's files over the module's source, so both directories' tfvars are there, the unit's
 * copy winning when both have a file of the same name.
 */
function workingDirTfvars(tree: TerragruntTree, unitDir: string, source: string): ParsedFile[] {
  const moduleDir = source.startsWith('./') || source.startsWith('../') ? treePath(unitDir, source) : null;
  const byName = new Map<string, ParsedFile>();
  for (const dir of moduleDir === null || moduleDir === unitDir ? [unitDir] : [moduleDir, unitDir]) {
    for (const f of tree.files.values()) {
      const name = posix.basename(f.path);
      if (dirOf(f.path) === dir && isTfvars(name)) byName.set(name, f);
    }
  }
  return tfvarsInPrecedence([...byName.values()]);
}

/**
 * Terragrunt passes `inputs` as TF_VAR_* variables, which every tfvars file overrides: a
 * variable's value is the last tfvars file's that sets it, else the input. A file that could
 * not be read may set any variable.
 */
function overTfvars(tfvars: ParsedFile[], scope: TerragruntFile, inputs: (name: string) => Value | undefined): (name: string) => Value | undefined {
  return (name) => {
    let value: Value | undefined;
    for (const file of tfvars) {
      if (file.error) value = new Unknown(`var.${name}`, `var.${name} may be set by ${file.path}, which could not be read`);
      else if (hasKey(file.body, name)) value = evaluateJson(file.body[name], scope.scope);
    }
    return value ?? inputs(name);
  };
}

function terraformBlock(file: ParsedFile): Record<string, unknown> | undefined {
  return (file.body['terraform'] as Record<string, unknown>[] | undefined)?.[0];
}

/** Adds a file's inputs over those already merged, as Terragrunt's merge strategy says. */
function mergeInputs(args: Map<string, Argument>, scope: TerragruntFile, strategy: string): void {
  const raw = scope.file.body['inputs'];
  if (raw === undefined) return;
  const inputsSpan = scope.file.located.attributes.get('inputs') ?? { startLine: 1, endLine: 1 };
  const span: Span = { startLine: inputsSpan.startLine, endLine: inputsSpan.endLine, file: scope.file.path };
  const entries: [string, unknown, () => Value][] = [];
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) entries.push([k, v, once(() => evaluateJson(v, scope.scope))]);
  } else {
    // `inputs = merge(…)`: its keys are known only by evaluating it
    const value = evaluateJson(raw, scope.scope);
    if (!isObject(value)) {
      const unknown = value instanceof Unknown ? value : new Unknown('inputs', `inputs in ${scope.file.path} is not an object`);
      args.set(ALL_INPUTS, { raw, span, value: () => unknown });
      return;
    }
    for (const [k, v] of Object.entries(value)) entries.push([k, raw, () => v]);
  }
  for (const [k, v, value] of entries) {
    const before = args.get(k) ?? args.get(ALL_INPUTS);
    const deep = strategy === 'deep' || strategy === 'deep_map_only';
    args.set(k, { raw: v, span, value: before && deep ? once(() => mergeDeep(before.value(), value(), strategy === 'deep')) : value });
  }
}

function once(f: () => Value): () => Value {
  let v: Value | undefined;
  return () => (v === undefined ? (v = f()) : v);
}

/** Terragrunt's deep merge: maps merged key by key, lists concatenated (`deep` only); the child wins otherwise. */
function mergeDeep(parent: Value, child: Value, lists: boolean): Value {
  const mergeable = (v: Value) => isObject(v) || (lists && Array.isArray(v));
  if (parent instanceof Unknown && mergeable(child)) return parent;
  if (lists && Array.isArray(parent) && Array.isArray(child)) return [...parent, ...child];
  if (isObject(parent) && isObject(child)) {
    const out = newObject();
    for (const [k, v] of Object.entries(parent)) out[k] = v;
    for (const [k, v] of Object.entries(child)) out[k] = hasKey(parent, k) ? mergeDeep(parent[k]!, v, lists) : v;
    return out;
  }
  return child;
}
