// When a rule opens something because a variable default, a tfvars value, a local or the
// argument a module's caller passes changed (the rule's own lines may not have changed at
// all), name that value's file and line.
import { append } from '../append.js';
import { code } from './code-span.js';
import { dirOf } from '../hcl/config-files.js';
import { atCause } from './finding.js';
import { withoutInstanceKeys } from '../evaluate/expansion.js';
import { isTerragruntFile } from '../evaluate/terragrunt.js';
import { isExternalModulePath } from '../modules/resolution.js';
import type { RelatedLocation } from '../result.js';
import type { Group, Input, Location, Model, ModuleCall, Rule } from '../model/types.js';
import type { ReviewContext } from './context.js';

const cache = new WeakMap<ReviewContext, Map<string, Input[]>>();

const nameOf = (i: Input) => (i.kind === 'local' ? `local.${i.name}` : i.kind === 'argument' || i.kind === 'lookup' ? i.name : `var.${i.name}`);
const PLACE: Record<Input['kind'], string> = {
  tfvars: 'the value in',
  variable: 'the default in',
  local: 'defined in',
  argument: 'the argument in',
  lookup: 'the arguments in',
};

/** dir|name → the changed inputs behind it (locals that use a changed value included). */
function changedNames(ctx: ReviewContext): Map<string, Input[]> {
  let map = cache.get(ctx);
  if (map) return map;
  map = new Map();
  // each tfvars file sets its own value (terraform.tfvars, *.auto.tfvars, var files)
  const inputKey = (i: Input) => `${i.dir}|${i.kind}|${i.name}|${i.kind === 'tfvars' ? i.file : ''}`;
  const before = new Map(ctx.base.inputs.map((i) => [inputKey(i), i]));
  // locals rewritten to the same identity: the texts of the locals they read are part of it
  const sameIdentity = new Set<Input>();
  for (const i of ctx.head.inputs) {
    const was = before.get(inputKey(i));
    if (was?.digest === i.digest) continue;
    if (i.identity !== undefined && was?.identity === i.identity) {
      sameIdentity.add(i);
      continue;
    }
    const key = `${i.dir}|${nameOf(i)}`;
    append(map, key, i);
  }
  // a local (or an echoed argument, a data source) that refers to a changed value changes with it
  const locals = ctx.head.inputs.filter((i) => i.kind === 'local' || i.kind === 'argument' || i.kind === 'lookup');
  // a data source given another argument set: at the changed argument if one is, else at the block
  const regrouped = new Set(ctx.head.inputs.filter((i) => i.kind === 'lookup' && map!.has(`${i.dir}|${nameOf(i)}`)));
  for (let changed = true, rounds = 0; changed && rounds < 10; rounds++) {
    changed = false;
    for (const l of locals) {
      const key = `${l.dir}|${nameOf(l)}`;
      if (map.has(key) && !regrouped.delete(l)) continue;
      const all = l.refs.flatMap((r) => map!.get(`${l.dir}|${r}`) ?? []);
      // the values under a local of unchanged identity changed, not the locals' texts
      const behind = sameIdentity.has(l) ? all.filter((i) => i.kind !== 'local') : all;
      if (behind.length) {
        map.set(key, behind);
        changed = true;
      }
    }
  }
  cache.set(ctx, map);
  return map;
}

/** The changed values behind `refs` (names as written in directory `dir`), each once. */
export function changedInputsFor(ctx: ReviewContext, dir: string, refs: string[]): { ref: string; i: Input }[] {
  const map = changedNames(ctx);
  if (!map.size) return [];
  const hits = refs.flatMap((r) => (map.get(`${dir}|${r}`) ?? []).map((i) => ({ ref: r, i })));
  const seen = new Set<string>();
  return hits.filter(({ i }) => !seen.has(`${i.file}:${i.line}`) && seen.add(`${i.file}:${i.line}`));
}

type Argument = ModuleCall['arguments'][string];

/** Whether a call argument passes the same as before: the same text, or the same value rewritten (argument-identity.ts). */
export function sameArgument(before: Argument | undefined, now: Argument | undefined): boolean {
  return !!before && !!now && (before.digest === now.digest || before.identity === now.identity);
}

/** Where a changed value is: its line(s). */
export function inputLocation(i: Input): Location {
  return { file: i.file, startLine: i.line, endLine: i.endLine };
}

export function changedInputsOf(ctx: ReviewContext, rule: Pick<Rule, 'refs' | 'location'>): { ref: string; i: Input }[] {
  return changedInputsFor(ctx, dirOf(rule.location.file), rule.refs);
}

export function changedInputsNote(ctx: ReviewContext, rule: Rule): string | null {
  // a new or edited rule is its own cause, and a new module call is the cause of what its instance opens
  if (!isUnchangedRule(ctx, rule) || underNewCall(ctx, rule.resource)) return null;
  const caller = callerCause(ctx, rule);
  const hits = changedInputsOf(ctx, rule);
  const parts = [
    ...(caller ? [caller.what] : []),
    ...hits.map(({ ref, i }) => `${code(ref)}${ref !== nameOf(i) ? ` (through ${code(nameOf(i))})` : ''}: ${PLACE[i.kind]} ${code(i.file)} line ${i.line}`),
  ];
  if (!parts.length) return null;
  return `This rule's lines may be unchanged: the change is in ${parts.join('; ')}.`;
}

/**
 * A finding on a rule whose own text did not change sits at the changed value behind it (a
 * tfvars value, a variable default, a local); the rule goes to \`related\` (PRODUCT.md §3).
 */
export function placeAtCause<F extends { location: Location; related?: RelatedLocation[] }>(
  ctx: ReviewContext,
  rule: Pick<Rule, 'resource' | 'digest' | 'refs' | 'location'>,
  finding: F,
): F {
  if (!isUnchangedRule(ctx, rule) || underNewCall(ctx, rule.resource)) return finding;
  const caller = callerCause(ctx, rule);
  if (caller) return atCause(finding, caller.location, `The rule that opens it (${code(rule.resource)}, unchanged, in module ${code(caller.source)})`);
  const hit = changedInputsOf(ctx, rule)[0];
  if (!hit) return finding;
  return atCause(finding, inputLocation(hit.i), `The rule that opens it (${code(rule.resource)}, unchanged)`);
}

/**
 * Whether the resource is in a module instance whose call (or an enclosing one) is new in
 * the head: nothing of it existed before, so a value changed inside the module is not why
 * it opens; the call is (module-calls.ts places the finding there).
 */
function underNewCall(ctx: ReviewContext, resource: string): boolean {
  return callChain(ctx.head, resource).some((call) => !ctx.base.moduleCalls.some((c) => c.address === call.address));
}

/** The module calls that lead to a resource of a model, innermost first. */
export function callChain(model: Pick<Model, 'moduleCalls'>, resource: string): ModuleCall[] {
  const address = withoutInstanceKeys(resource);
  return model.moduleCalls.filter((c) => address.startsWith(`${c.address}.`)).sort((a, b) => b.address.length - a.address.length);
}

const unchangedCache = new WeakMap<ReviewContext, Set<string>>();

/**
 * The declaration a rule's resource address stands for, the same in every instance of a
 * module: `module.a["k"].module.b.aws_security_group.x[0]` → `aws_security_group.x` (and a
 * directory modelled as a root, `modules/sg:aws_security_group.x`, too).
 */
const declared = (r: Pick<Rule, 'resource' | 'digest' | 'location'>) =>
  `${r.location.file}\0${withoutInstanceKeys(r.resource)
    .replace(/^[^:]*:/, '')
    .replace(/^(module\.[^.]+\.)+/, '')}\0${r.digest}`;

/** A group in the shape `isUnchangedRule` compares: its address, text digest and place. */
export const asDeclaring = (g: Pick<Group, 'address' | 'digest' | 'location'>) => ({ resource: g.address, digest: g.digest, location: g.location });

/**
 * Whether a rule's declaring resource (or a group) is written at the base as at the head (same
 * file and text; module instances alike).
 */
export function isUnchangedRule(ctx: ReviewContext, rule: Pick<Rule, 'resource' | 'digest' | 'location'>): boolean {
  let set = unchangedCache.get(ctx);
  if (!set) {
    set = new Set([...ctx.base.rules.map(declared), ...ctx.base.groups.map((g) => declared(asDeclaring(g)))]);
    unchangedCache.set(ctx, set);
  }
  return set.has(declared(rule));
}

/** The module variables that `refs` (names as written in directory `dir`) read, directly or through locals. */
function variablesRead(ctx: ReviewContext, dir: string, refs: string[]): string[] {
  const locals = new Map(ctx.head.inputs.filter((i) => i.dir === dir && i.kind === 'local').map((i) => [`local.${i.name}`, i.refs]));
  const seen = new Set<string>();
  const queue = [...refs];
  while (queue.length) {
    const r = queue.pop()!;
    if (seen.has(r)) continue;
    seen.add(r);
    queue.push(...(locals.get(r) ?? []));
  }
  return [...seen].filter((r) => r.startsWith('var.')).map((r) => r.slice(4));
}

/**
 * For a rule of a Terragrunt unit's module: the changed tfvars value of the unit's directory
 * the rule reads (Terragrunt runs the module there, and those files beat its `inputs`).
 */
export function unitTfvarsCause(ctx: ReviewContext, unitDir: string, rule: Pick<Rule, 'refs' | 'location'>): Location | null {
  const read = variablesRead(ctx, dirOf(rule.location.file), rule.refs).map((n) => `var.${n}`);
  const hit = changedInputsFor(ctx, unitDir, read).find((h) => h.i.kind === 'tfvars');
  return hit ? inputLocation(hit.i) : null;
}

/**
 * For a rule in a local module instance: the caller's changed argument that the rule reads
 * (through `var.` names, directly or through locals), or the changed caller value such an
 * argument refers to; innermost call first. A module's own changed value is the same in every
 * instance, the caller's argument is what changed for this one. Null for a new call (the call
 * is the cause), and for registry code and Terragrunt units (module-calls.ts places those).
 */
function callerCause(ctx: ReviewContext, rule: Pick<Rule, 'resource' | 'refs' | 'location'>): { location: Location; what: string; source: string } | null {
  if (isExternalModulePath(rule.location.file)) return null;
  const chain = callChain(ctx.head, rule.resource);
  if (chain[0] && isTerragruntFile(chain[0].file)) return null;
  let read = variablesRead(ctx, dirOf(rule.location.file), rule.refs);
  for (const call of chain) {
    const before = ctx.base.moduleCalls.find((c) => c.address === call.address);
    if (!before) return null;
    const passed = read.filter((n) => Object.hasOwn(call.arguments, n)).sort();
    const changed = passed.find((n) => !sameArgument(before.arguments[n], call.arguments[n]));
    if (changed) {
      const a = call.arguments[changed]!;
      return {
        location: { file: a.file ?? call.file, startLine: a.startLine, endLine: a.endLine },
        what: `${code(changed)}: the argument of ${code(call.address)} in ${code(a.file ?? call.file)} line ${a.startLine}`,
        source: chain[0]!.source,
      };
    }
    const refs = passed.flatMap((n) => call.arguments[n]!.refs);
    const hit = changedInputsFor(ctx, dirOf(call.file), refs)[0];
    if (hit)
      return {
        location: inputLocation(hit.i),
        what: `${code(nameOf(hit.i))}: ${PLACE[hit.i.kind]} ${code(hit.i.file)} line ${hit.i.line}`,
        source: chain[0]!.source,
      };
    read = variablesRead(ctx, dirOf(call.file), refs);
  }
  return null;
}
