// What Terragrunt's own functions answer for one unit, and the scope of an included file.
// Terragrunt evaluates every file of a unit (its terragrunt.hcl and what it includes) as that
// unit: `get_terragrunt_dir()` and `find_in_parent_folders()` answer for the unit's directory
// even inside the parent. Terragrunt answers absolute paths; here the analysed tree's root is
// `/`, so `/live/prod/web` is the directory `live/prod/web` of the tree (and `//x`, a path joined onto
// `dirname("/root.hcl")`, is `x`).
import { posix } from 'node:path';
import { dirOf } from '../hcl/config-files.js';
import type { ParsedFile } from '../hcl/parse.js';
import { repositoryPath } from './data-files.js';
import { evaluateJson, type ModuleContext, type Scope } from './evaluate.js';
import { Lazy, Unknown, hasKey, objectFrom, type Value } from './value.js';

export interface TerragruntContext {
  /** The unit's directory, relative to the tree ('' is its root). */
  unitDir: string;
  /** Included files by label ('' for the unlabeled `include`), paths relative to the tree. */
  includes: ReadonlyMap<string, string>;
  /** The scopes of included files exposed with `expose = true`, by label. */
  exposed: ReadonlyMap<string, TerragruntFile>;
  /** Whether a file or directory of the tree exists. */
  exists(path: string): boolean;
  /** A parsed `.hcl` file of the tree, for `read_terragrunt_config()` (undefined: not read). */
  parsed?(path: string): ParsedFile | undefined;
}

const DEFAULT_CONFIG = 'terragrunt.hcl';

/** A tree path as Terragrunt's absolute path. */
export function absolute(path: string): string {
  return `/${path}`;
}

/** A path a function answered (absolute, `/…`) or one written relative to `fromDir`, as a tree path. */
export function treePath(fromDir: string, path: string): string {
  const joined = path.startsWith('/') ? path.replace(/^\/+/, '') : posix.join(fromDir || '.', path);
  const normal = posix.normalize(joined || '.').replace(/\/+$/, '');
  return normal === '.' ? '' : normal;
}

/** The first `name` in the directories above the unit, nearest first (Terragrunt starts at the parent). */
function findInParents(ctx: TerragruntContext, name: string): string | null {
  let dir = ctx.unitDir;
  while (dir !== '') {
    dir = dirOf(dir);
    const candidate = treePath(dir, name);
    if (!candidate.startsWith('..') && ctx.exists(candidate)) return candidate;
  }
  return null;
}

function included(ctx: TerragruntContext, label: Value | undefined): string | null {
  if (typeof label === 'string') return ctx.includes.get(label) ?? null;
  return [...ctx.includes.values()][0] ?? null;
}

type TerragruntFunction = (ctx: TerragruntContext, args: Value[], src: string) => Value;

const FUNCTIONS = new Map<string, TerragruntFunction>([
  ['get_terragrunt_dir', (ctx) => absolute(ctx.unitDir)],
  ['get_original_terragrunt_dir', (ctx) => absolute(ctx.unitDir)],
  [
    'get_parent_terragrunt_dir',
    (ctx, args) => {
      const parent = included(ctx, args[0]);
      return absolute(parent === null ? ctx.unitDir : dirOf(parent));
    },
  ],
  [
    'path_relative_to_include',
    (ctx, args) => {
      const parent = included(ctx, args[0]);
      return parent === null ? '.' : posix.relative(dirOf(parent) || '.', ctx.unitDir || '.') || '.';
    },
  ],
  [
    'path_relative_from_include',
    (ctx, args) => {
      const parent = included(ctx, args[0]);
      return parent === null ? '.' : posix.relative(ctx.unitDir || '.', dirOf(parent) || '.') || '.';
    },
  ],
  [
    'find_in_parent_folders',
    (ctx, args, src) => {
      const wanted = args[0] ?? DEFAULT_CONFIG;
      if (typeof wanted !== 'string') return new Unknown(src, 'find_in_parent_folders() needs a file name');
      const found = findInParents(ctx, wanted);
      if (found !== null) return absolute(found);
      if (args.length > 1) return args[1]!;
      return new Unknown(src, `find_in_parent_folders(): no "${wanted}" in the directories above ${ctx.unitDir || 'the tree root'}`);
    },
  ],
  [
    'read_terragrunt_config',
    (ctx, args, src) => {
      if (typeof args[0] !== 'string') return new Unknown(src, 'read_terragrunt_config() needs a path');
      const path = treePath(ctx.unitDir, args[0]);
      const file = ctx.parsed?.(path);
      if (file && !file.error) return configOf(new TerragruntFile(file, { ...ctx, unitDir: dirOf(path), includes: new Map(), exposed: new Map() }), src);
      if (args.length > 1 && !ctx.exists(path)) return args[1]!;
      return new Unknown(src, `read_terragrunt_config(): ${path} could not be read`);
    },
  ],
]);

/**
 * A Terragrunt function evaluated for the unit, or undefined when `name` is not one of them
 * (Terraform's functions then apply). An unknown argument makes the result unknown.
 */
export function terragruntFunction(ctx: TerragruntContext, name: string, args: Value[], src: string): Value | undefined {
  const fn = FUNCTIONS.get(name);
  if (!fn) return undefined;
  return args.find((a) => a instanceof Unknown) ?? fn(ctx, args, src);
}

/** `include.LABEL` of an exposed include: its `locals` and `inputs`, evaluated in its own scope. */
export function exposedInclude(ctx: TerragruntContext, label: string, src: string): Value {
  const file = ctx.exposed.get(label);
  if (!file) return new Unknown(src, `include "${label}" is not declared with expose = true`);
  return configOf(file, `include.${label}`);
}

/** A Terragrunt file as a value (`include.LABEL`, `read_terragrunt_config()`): its `locals` and `inputs`. */
function configOf(file: TerragruntFile, name: string): Value {
  return new Lazy(name, (part) => {
    if (part === 'locals') return new Lazy(`${name}.locals`, (local) => file.local(local));
    if (part === 'inputs') return file.inputs();
    return new Unknown(`${name}.${part}`, `${name}.${part} is not evaluated statically`);
  });
}

/**
 * The scope of an included file, evaluated as the including unit: its own locals, Terragrunt's
 * functions for the unit; no variables or resources (`dependency` outputs stay unknown).
 */
export class TerragruntFile implements ModuleContext {
  readonly #locals = new Map<string, Value>();
  readonly #inProgress = new Set<string>();
  readonly scope: Scope;

  constructor(
    readonly file: ParsedFile,
    readonly context: TerragruntContext,
  ) {
    this.scope = { module: this, names: new Map() };
  }

  get path(): string {
    return dirOf(this.file.path) || '.';
  }

  /** Terragrunt runs in the unit's directory; its functions answer tree paths as absolute (`/…`). */
  resolveFile(written: string): string | null {
    return written.startsWith('/') ? repositoryPath('', written.replace(/^\/+/, '')) : repositoryPath(this.context.unitDir, written);
  }

  local(name: string): Value {
    const cached = this.#locals.get(name);
    if (cached !== undefined) return cached;
    const block = ((this.file.body['locals'] ?? []) as Record<string, unknown>[]).find((b) => hasKey(b, name));
    if (!block) return new Unknown(`local.${name}`, `local.${name} is not declared in ${this.file.path}`);
    if (this.#inProgress.has(name)) return new Unknown(`local.${name}`, 'locals refer to each other in a cycle');
    this.#inProgress.add(name);
    try {
      const v = evaluateJson(block[name], this.scope);
      this.#locals.set(name, v);
      return v;
    } finally {
      this.#inProgress.delete(name);
    }
  }

  /** The file's `inputs` as an object (empty when it sets none). */
  inputs(): Value {
    const raw = this.file.body['inputs'];
    if (raw === undefined) return objectFrom([]);
    return evaluateJson(raw, this.scope);
  }

  variable(name: string): Value {
    return new Unknown(`var.${name}`, `Terragrunt files have no variables (var.${name} in ${this.file.path})`);
  }

  resource(type: string, name: string, src: string): Value {
    if (type === 'include') return exposedInclude(this.context, name, src);
    return new Unknown(src, `${type}.${name} is not known before Terragrunt runs`);
  }

  dataSource(type: string, name: string): Value {
    return new Unknown(`data.${type}.${name}`, 'Terragrunt files have no data sources');
  }

  moduleCall(_name: string, src: string): Value {
    return new Unknown(src, 'Terragrunt files have no module calls');
  }

  contextFunction(name: string, args: Value[], src: string): Value | undefined {
    return terragruntFunction(this.context, name, args, src);
  }
}
