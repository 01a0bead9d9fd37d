// When a rule opens something because a variable default, a tfvars value or a local changed
// (the rule's own lines may not have changed at all), name that value's file and line.
import { posix } from 'node:path';
import type { Input, Rule } from '../model/types.js';
import type { ReviewContext } from './context.js';

const cache = new WeakMap<ReviewContext, Map<string, Input[]>>();

const nameOf = (i: Input) => (i.kind === 'local' ? `local.${i.name}` : `var.${i.name}`);

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
  // a local that refers to a changed value changes with it
  const locals = ctx.head.inputs.filter((i) => i.kind === 'local');
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

export function changedInputsNote(ctx: ReviewContext, rule: Rule): string | null {
  const map = changedNames(ctx);
  if (!map.size) return null;
  const dir = posix.dirname(rule.location.file);
  const key = dir === '.' ? '' : dir;
  const hits = rule.refs.flatMap((r) => (map.get(`${key}|${r}`) ?? []).map((i) => ({ ref: r, i })));
  if (!hits.length) return null;
  const seen = new Set<string>();
  const parts = hits
    .filter(({ i }) => !seen.has(`${i.file}:${i.line}`) && seen.add(`${i.file}:${i.line}`))
    .map(
      ({ ref, i }) =>
        `\`${ref}\`${ref !== nameOf(i) ? ` (through \`${nameOf(i)}\`)` : ''}: ${i.kind === 'tfvars' ? 'the value in' : i.kind === 'variable' ? 'the default in' : 'defined in'} \`${i.file}\` line ${i.line}`,
    );
  return `This rule's lines may be unchanged: the change is in ${parts.join('; ')}.`;
}
