// A group whose address changes with no `moved` block is not renamed: Terraform destroys the
// group at the old address and creates another at the new one (a new id). A flag default that
// switches a module between two count-gated groups does this without a line of the group
// changing. The new group is taken for the old one when it takes its place in the same module:
// a resource that used the old group (attaches it, adds a rule to it, names it as a peer) uses
// the new one, or both declare the same name or the same arguments.
import { withoutInstanceKeys } from '../evaluate/expansion.js';
import type { Group, Model } from '../model/types.js';

export interface AddressChange {
  from: string;
  to: string;
  /** The resources that used the old group and use the new one (empty: matched by name or arguments). */
  switched: string[];
  /** The new group's block was written at the base already (a flag switched to it): not a rename. */
  written: boolean;
}

export function findAddressChanges(base: Model, head: Model): AddressChange[] {
  const inHead = new Set(head.groups.map((g) => g.address));
  const inBase = new Set(base.groups.map((g) => g.address));
  // a `removed` or `import` block says what becomes of the address: the author decided
  const declared = (address: string, blocks: string[]) => blocks.some((b) => withoutInstanceKeys(b) === withoutInstanceKeys(address));
  const gone = base.groups.filter((g) => !inHead.has(g.address) && !declared(g.address, [...base.removed, ...head.removed]));
  const added = head.groups.filter((g) => !inBase.has(g.address) && !declared(g.address, head.imported));
  if (!gone.length || !added.length) return [];
  const usedBefore = usesOfGroups(base);
  const usedAfter = usesOfGroups(head);
  const declaredBefore = new Set(base.resources.map((r) => withoutInstanceKeys(r.address)));
  const candidates: (AddressChange & { score: number })[] = [];
  for (const old of gone) {
    for (const now of added) {
      if (old.module !== now.module || old.type !== now.type) continue;
      const switched = [...(usedBefore.get(old.address) ?? [])].filter((r) => usedAfter.get(now.address)?.has(r));
      const same = sameName(old, now) || old.digest === now.digest;
      if (!switched.length && !same) continue;
      const written = declaredBefore.has(withoutInstanceKeys(now.address));
      candidates.push({ from: old.address, to: now.address, switched, written, score: switched.length + (same ? 1 : 0) });
    }
  }
  // each group pairs once, the best-evidenced pair first
  candidates.sort((a, b) => b.score - a.score);
  const paired = new Set<string>();
  const out: AddressChange[] = [];
  for (const { score: _, ...change } of candidates) {
    if (paired.has(change.from) || paired.has(change.to)) continue;
    paired.add(change.from).add(change.to);
    out.push(change);
  }
  return out;
}

/** Group address → the resources that use it: attach it, add a standalone rule to it, or name it as a peer. */
function usesOfGroups(model: Model): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  const add = (group: string, resource: string) => {
    if (group === resource) return; // a group's inline rules are the group itself
    const set = uses.get(group) ?? new Set<string>();
    uses.set(group, set.add(resource));
  };
  for (const a of model.attachments) for (const g of a.groups) add(g, a.resource);
  for (const d of model.declarations) add(d.group, d.resource);
  for (const r of model.rules) if (r.peer.type === 'group') add(r.peer.value, r.resource);
  return uses;
}

function sameName(a: Group, b: Group): boolean {
  return (a.name !== null && a.name === b.name) || (a.namePrefix !== null && a.namePrefix === b.namePrefix);
}
