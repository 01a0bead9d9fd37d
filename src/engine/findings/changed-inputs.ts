// When a rule opens something because a variable default, a tfvars value or a local changed
// (the rule's own lines may not have changed at all), name that value's file and line.
import { code } from './code-span.js';
import { posix } from 'node:path';
import { atCause } from './finding.js';
import type { RelatedLocation } from '../result.js';
import type { Input, Location, Rule } from '../model/types.js';
import type { ReviewContext } from './context.js';

const cache = new WeakMap<ReviewContext, Map<string, Input[]>>();

const nameOf = (i: Input) => (i.kind === 'local' ? `local.${i.name}` : i.kind === 'argument' ? i.name : `var.${i.name}`);
const PLACE: Record<Input['kind'], string> = { tfvars: 'the value in', variable: 'the default in', local: 'defined in', argument: 'the argument in' };

/** dir|name → the changed inputs behind it (locals that use a changed value included). */
function changedNames(ctx: ReviewContext): Map<string, Input[]> {
  let map = cache.get(ctx);
  if (map) return map;
  map = new Map();
  const before = new Map(ctx.base.inputs.map((i) => [`${i.dir}|${i.kind}|${i.name}`, i.digest]));
  for (const i of ctx.head.inputs) {
    if (before.get(`${i.dir}|${i.kind}|${i.name}`) === i.digest) continue;
    const key = `${i.dir}|${nameOf(i)}`;
    map.set(key, [...(map.get(key) ?? []), i]);
  }
  // a local (or an echoed argument) that refers to a changed value changes with it
  const locals = ctx.head.inputs.filter((i) => i.kind === 'local' || i.kind === 'argument');
  for (let changed = true, rounds = 0; changed && rounds < 10; rounds++) {
    changed = false;
    for (const l of locals) {
      const key = `${l.dir}|${nameOf(l)}`;
      if (map.has(key)) continue;
      const behind = l.refs.flatMap((r) => map!.get(`${l.dir}|${r}`) ?? []);
      if (behind.length) {
        map.set(key, behind);
        changed = true;
      }
    }
  }
  cache.set(ctx, map);
  return map;
}

function changedInputsOf(ctx: ReviewContext, rule: Rule): { ref: string; i: Input }[] {
  const map = changedNames(ctx);
  if (!map.size) return [];
  const dir = posix.dirname(rule.location.file);
  const key = dir === '.' ? '' : dir;
  const hits = rule.refs.flatMap((r) => (map.get(`${key}|${r}`) ?? []).map((i) => ({ ref: r, i })));
  const seen = new Set<string>();
  return hits.filter(({ i }) => !seen.has(`${i.file}:${i.line}`) && seen.add(`${i.file}:${i.line}`));
}

export function changedInputsNote(ctx: ReviewContext, rule: Rule): string | null {
  // a new or edited rule is its own cause
  if (!isUnchanged(ctx, rule)) return null;
  const hits = changedInputsOf(ctx, rule);
  if (!hits.length) return null;
  const parts = hits.map(
    ({ ref, i }) => `${code(ref)}${ref !== nameOf(i) ? ` (through ${code(nameOf(i))})` : ''}: ${PLACE[i.kind]} ${code(i.file)} line ${i.line}`,
  );
  return `This rule's lines may be unchanged: the change is in ${parts.join('; ')}.`;
}

/**
 * A finding on a rule whose own text did not change sits at the changed value behind it (a
 * tfvars value, a variable default, a local); the rule goes to \`related\` (PRODUCT.md §3).
 */
export function placeAtCause<F extends { location: Location; related?: RelatedLocation[] }>(ctx: ReviewContext, rule: Rule, finding: F): F {
  if (!isUnchanged(ctx, rule)) return finding;
  const hit = changedInputsOf(ctx, rule)[0];
  if (!hit) return finding;
  return atCause(finding, { file: hit.i.file, startLine: hit.i.line, endLine: hit.i.endLine }, `The rule that opens it (${code(rule.resource)}, unchanged)`);
}

const unchangedCache = new WeakMap<ReviewContext, Set<string>>();

/** Whether the rule's declaring resource is written the same at the base and the head. */
function isUnchanged(ctx: ReviewContext, rule: Rule): boolean {
  let set = unchangedCache.get(ctx);
  if (!set) {
    set = new Set(ctx.base.rules.map((r) => `${r.resource}\0${r.digest}`));
    unchangedCache.set(ctx, set);
  }
  return set.has(`${rule.resource}\0${rule.digest}`);
}
