// A resource whose instance keys only changed form keeps its identity (issue 9 point 1):
//   - a count or for_each that becomes unknown (`var.enabled ? 1 : 0` → `module.this.enabled ? 1 : 0`)
//     names the head instance `x`, which stands for any instance: each base `x[k]` is compared with it;
//   - one that was unknown at the base and is known at the head: the base `x` with each head `x[k]`;
//   - `count` added to or removed from a resource: Terraform moves `x` ↔ `x[0]` itself;
//   - a module call whose count or for_each is not known here is `module.x[*]`, which stands
//     for any instance: `module.x[0].…` at one revision is `module.x[*].…` at the other.
//     Adding `count` to a module call is no such move (Terraform moves no module by itself):
//     `module.x` → `module.x[0]` is a replacement (findings/address-changes.ts).
import { append } from '../append.js';
import { withoutInstanceKeys } from '../evaluate/expansion.js';
import type { Model } from './types.js';

const KEY = /\[[^\]]*\]$/;

/** Base address → the head addresses it is compared with, for base resources named otherwise at the head. */
export function instanceKeyRenames(base: Model, head: Model): Map<string, string[]> {
  const atBase = byBlock(base);
  const atHead = byBlock(head);
  const renames = new Map<string, string[]>();
  for (const [block, before] of atBase) {
    const after = atHead.get(block);
    if (!after) continue;
    const unkeyedAfter = after.find((r) => r.address === block);
    const unkeyedBefore = before.find((r) => r.address === block);
    if (unkeyedAfter && !unkeyedBefore) {
      // any instance, or Terraform's own move of [0] when count is removed
      for (const r of before) if (unkeyedAfter.anyKey || r.address === `${block}[0]`) renames.set(r.address, [block]);
    } else if (unkeyedBefore && !unkeyedAfter) {
      const keyed = after.map((r) => r.address).filter((a) => a !== block);
      const to = unkeyedBefore.anyKey ? keyed : keyed.filter((a) => a === `${block}[0]`);
      if (to.length) renames.set(block, to);
    }
  }
  anyModuleInstance(base, head, renames);
  return renames;
}

/** Base addresses under a module instance the other revision names `[*]` (any instance), renamed to the head's. */
function anyModuleInstance(base: Model, head: Model, renames: Map<string, string[]>): void {
  if (![...base.resources, ...head.resources].some((r) => r.address.includes('[*]'))) return;
  const inHead = new Set(head.resources.map((r) => r.address));
  const headByBlock = new Map<string, string[]>();
  for (const r of head.resources) {
    if (r.instances === 0) continue;
    append(headByBlock, withoutInstanceKeys(r.address), r.address);
  }
  for (const r of base.resources) {
    if (r.instances === 0 || inHead.has(r.address) || renames.has(r.address)) continue;
    const to = (headByBlock.get(withoutInstanceKeys(r.address)) ?? []).filter((h) => sameUpToAnyInstance(r.address, h));
    if (to.length) renames.set(r.address, to);
  }
}

/** Equal where each `[*]` of either address matches any key of the other at the same place. */
function sameUpToAnyInstance(a: string, b: string): boolean {
  const split = (x: string) => x.split(/(\[[^\]]*\])/);
  const [as, bs] = [split(a), split(b)];
  return (
    as.length === bs.length &&
    as.some((p) => p === '[*]') !== bs.some((p) => p === '[*]') &&
    as.every((p, i) => p === bs[i] || (p.startsWith('[') && bs[i]!.startsWith('[') && (p === '[*]' || bs[i] === '[*]')))
  );
}

/** The instances of each resource block that exist (count = 0 lists none). */
function byBlock(model: Model): Map<string, Model['resources']> {
  const out = new Map<string, Model['resources']>();
  for (const r of model.resources) {
    if (r.instances === 0) continue;
    const block = r.address.replace(KEY, '');
    append(out, block, r);
  }
  return out;
}
