// A group whose address changes with no `moved` block is not renamed: Terraform destroys the
// group at the old address and creates another at the new one (a new id). A flag default that
// switches a module between two count-gated groups does this without a line of the group
// changing, and so does moving a group into or out of a module, or adding `count` or
// `for_each` to a module call (Terraform moves `x` to `x[0]` by itself for a resource, never
// for a module call). The new group is taken for the old one when it takes its place in the
// same root: a resource that used the old group (attaches it, adds a rule to it, names it as a
// peer) uses the new one, both declare the same name or the same arguments, or it is the same
// block of a module call whose instance key changed.
import { isUnknownText } from '../evaluate/value.js';
import { withoutInstanceKeys } from '../evaluate/expansion.js';
import { rootLabelOf } from '../model/roots.js';
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
  const gone = base.groups.filter((g) => !inHead.has(g.address) && !removedBy(g.address, base, head));
  const added = head.groups.filter((g) => !inBase.has(g.address) && !importedBy(g.address, head));
  if (!gone.length || !added.length) return [];
  const usedBefore = usesOfGroups(base);
  const usedAfter = usesOfGroups(head);
  const declaredBefore = new Set(base.resources.map((r) => withoutInstanceKeys(r.address)));
  const [heldBefore, heldAfter] = [rulesHeld(base), rulesHeld(head)];
  const candidates: (AddressChange & { score: number })[] = [];
  for (const old of gone) {
    for (const now of added) {
      if (old.type !== now.type || rootOf(old.address) !== rootOf(now.address)) continue;
      const switched = [...(usedBefore.get(old.address) ?? [])].filter((r) => usedAfter.get(now.address)?.has(r));
      const same = sameName(old, now) || old.digest === now.digest || withoutInstanceKeys(old.address) === withoutInstanceKeys(now.address);
      if (!switched.length && !same) continue;
      const written = declaredBefore.has(withoutInstanceKeys(now.address));
      // instances of one block (count turned into for_each) are told apart by what each is
      const like = likeness(old, now, heldBefore.get(old.address), heldAfter.get(now.address));
      candidates.push({ from: old.address, to: now.address, switched, written, score: switched.length + (same ? 1 : 0) + like / (like + 1) });
    }
  }
  return pairEachOnce(candidates, (c) => c.score).map(({ score: _, ...change }) => change);
}

/** Group address → the AWS rules it holds (direction, protocol, ports, peer), known ones. */
function rulesHeld(model: Model): Map<string, Set<string>> {
  const held = new Map<string, Set<string>>();
  for (const r of model.rules) {
    if (r.unresolved !== null || r.peer.type === 'unresolved') continue;
    const set = held.get(r.group) ?? new Set<string>();
    held.set(r.group, set.add(JSON.stringify([r.direction, r.protocol, r.ports, r.peer.type, r.peer.value])));
  }
  return held;
}

/**
 * How alike two groups are: each known field of the same value and each AWS rule both hold.
 * A tie-break below any other evidence (it adds less than 1), which pairs `x[0]` with the
 * `x["web"]` that has its name and its rules, not with the first key.
 */
function likeness(a: Group, b: Group, heldA = new Set<string>(), heldB = new Set<string>()): number {
  const fields = (['name', 'namePrefix', 'description', 'vpcId'] as const).filter((k) => a[k] !== null && a[k] === b[k] && !isUnknownText(a[k]));
  return fields.length + [...heldA].filter((k) => heldB.has(k)).length;
}

/** Each address pairs once, the best-evidenced pair first. */
export function pairEachOnce<T extends { from: string; to: string }>(candidates: T[], score: (c: T) => number): T[] {
  const paired = new Set<string>();
  const out: T[] = [];
  for (const c of [...candidates].sort((a, b) => score(b) - score(a))) {
    if (paired.has(c.from) || paired.has(c.to)) continue;
    paired.add(c.from).add(c.to);
    out.push(c);
  }
  return out;
}

/** A `removed` block says what becomes of the old address: the author decided. */
export function removedBy(address: string, base: Model, head: Model): boolean {
  return [...base.removed, ...head.removed].some((b) => withoutInstanceKeys(b) === withoutInstanceKeys(address));
}

/** An `import` block adopts an existing object at the new address. */
export function importedBy(address: string, head: Model): boolean {
  return head.imported.some((b) => withoutInstanceKeys(b) === withoutInstanceKeys(address));
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

/** The same name or name prefix; one known only at plan time is the same only within a module (`var.name` differs per module). */
function sameName(a: Group, b: Group): boolean {
  const same = (x: string | null, y: string | null) => x !== null && x === y && (a.module === b.module || !isUnknownText(x));
  return same(a.name, b.name) || same(a.namePrefix, b.namePrefix);
}

/** The root a resource belongs to (`dir:` when a tree has several, else ''); one state per root. */
export function rootOf(address: string): string {
  const label = rootLabelOf(address);
  return label === null ? '' : `${label}:`;
}

const MODULE_STEP = /^module\.[^.[]+(?:\[[^\]]*\])?\./;

/** `module.a[0].module.b.aws_x.y` → `module.a[0]`, `module.b`, `aws_x.y`. */
function steps(address: string): string[] {
  const out: string[] = [];
  let rest = address;
  for (let m = MODULE_STEP.exec(rest); m; m = MODULE_STEP.exec(rest)) {
    out.push(m[0].slice(0, -1));
    rest = rest.slice(m[0].length);
  }
  return [...out, rest];
}

/**
 * The `moved` block that keeps an object, as the fix words it: each address relative to the
 * module both share (where the block is written). When only a module call's instance key
 * changed, the block moves the module instance and everything in it follows.
 */
export function movedBlockFor(from: string, to: string, base: Model, head: Model): { from: string; to: string; where: string; callKey: boolean } {
  const label = rootOf(from);
  const a = steps(from.slice(label.length));
  const b = steps(to.slice(label.length));
  let i = 0;
  while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
  const rest = (s: string[]) => s.slice(i + 1).join('.');
  const callKey = i < a.length - 1 && i < b.length - 1 && withoutInstanceKeys(a[i]!) === withoutInstanceKeys(b[i]!) && rest(a) === rest(b);
  const [f, t] = callKey ? [a[i]!, b[i]!] : [a.slice(i).join('.'), b.slice(i).join('.')];
  const module = a.slice(0, i).join('.');
  const sameModule = !f.startsWith('module.') && !t.startsWith('module.');
  return {
    from: writable(f, from, base),
    to: writable(t, to, head),
    where: sameModule ? 'in the module that declares it' : module ? `in the code of \`${module}\`` : 'in the root module',
    callKey,
  };
}

/**
 * A `moved` address names a real instance: a module instance `[*]` (a count or for_each not
 * known here) is `[0]` of a count, or a key to fill in of a for_each.
 */
function writable(step: string, address: string, model: Model): string {
  if (!step.includes('[*]')) return step;
  const call = model.moduleCalls.find((c) => c.address === withoutInstanceKeys(address.slice(0, address.indexOf('[*]'))));
  return step.replace('[*]', call && 'for_each' in call.arguments ? '["<key>"]' : '[0]');
}
