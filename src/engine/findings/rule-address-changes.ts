// A standalone rule resource whose address changes with no `moved` block is destroyed and
// created again, like a group (findings/address-changes.ts): the delete at the old address and
// the create at the new one have no order between them (hashicorp/terraform#12008, a rule
// removed and one added ran at once). AWS holds a rule once, so when the new resource asks for
// a rule the old one still holds, AWS refuses it as a duplicate (`InvalidPermission.Duplicate`,
// research/semantics.md §2.2) and the apply fails; the old rule's delete still goes through.
// Either way the access is gone for a while: for a moment, or until the next apply.
import type { Location, Model, Rule, RuleOrigin } from '../model/types.js';
import { code } from './code-span.js';
import type { ReviewContext } from './context.js';
import { withoutInstanceKeys } from '../evaluate/expansion.js';
import { importedBy, movedBlockFor, pairEachOnce, removedBy, rootOf } from './address-changes.js';
import { fingerprint } from './finding.js';
import { groupTitle } from './describe.js';
import { append } from '../append.js';

export interface RuleAddressChange {
  from: string;
  to: string;
  /** The AWS rules both declare, on the same group: the new resource creates what the old one still holds. */
  shared: Rule[];
  /** The old resource's type. */
  origin: RuleOrigin;
}

/**
 * A rule resource (`aws_security_group_rule`, `aws_vpc_security_group_*_rule`) gone at one
 * address while one of the same type at another address of the same root declares some of
 * the same AWS rules on the same group, with no `moved` block: Terraform destroys the one and
 * creates the other. `base` has its groups renamed already; a rule whose group is replaced
 * (`replaced`) is created in a new group, where it collides with nothing.
 */
function findRuleAddressChanges(base: Model, head: Model, replaced: Set<string>): RuleAddressChange[] {
  const existing = (m: Model) => new Set(m.resources.filter((r) => r.instances === 1).map((r) => r.address));
  const [inBase, inHead] = [existing(base), existing(head)];
  const gone = rulesByResource(base, (a) => !inHead.has(a) && !removedBy(a, base, head));
  const added = rulesByResource(head, (a) => !inBase.has(a) && !importedBy(a, head));
  const candidates: RuleAddressChange[] = [];
  for (const [from, olds] of gone) {
    const keys = new Set(olds.map(awsRuleKey));
    for (const [to, nows] of added) {
      if (rootOf(from) !== rootOf(to)) continue;
      const shared = nows.filter((r) => !replaced.has(r.group) && keys.has(awsRuleKey(r)));
      if (shared.length) candidates.push({ from, to, shared, origin: olds[0]!.origin });
    }
  }
  return pairEachOnce(candidates, (c) => c.shared.length);
}

/** The rules of each standalone rule resource that passes `keep`, known ones only (an unknown means something else in another module). */
function rulesByResource(model: Model, keep: (address: string) => boolean): Map<string, Rule[]> {
  const out = new Map<string, Rule[]>();
  for (const r of model.rules) {
    if (r.origin === 'inline' || r.unresolved !== null || r.peer.type === 'unresolved' || !keep(r.resource)) continue;
    append(out, r.resource, r);
  }
  return out;
}

/** From one rule resource type to another (`aws_security_group_rule` → `aws_vpc_security_group_ingress_rule`). */
function crossType(change: RuleAddressChange): boolean {
  return change.shared[0]!.origin !== change.origin;
}

/** What AWS tells a rule by: its group, direction, protocol, ports and peer (not its description). */
export function awsRuleKey(r: Rule): string {
  return JSON.stringify([r.group, r.direction, r.protocol, r.ports, r.peer.type, r.peer.value]);
}

/** Renames named one by one in a finding that stands for several (a convention applied to a whole root). */
const NAMED_RENAMES = 10;

/**
 * Low: nothing opens, and what closes comes back, but for a moment or until the apply is run
 * again; `create_before_destroy` does not order a delete at one address and a create at
 * another (it orders the two halves of one resource's replacement). One finding per root: a
 * naming convention applied to every rule is one decision, not a hundred.
 */
export function ruleAddressReplacements(ctx: ReviewContext) {
  const replaced = new Set(ctx.addressChanges.map((c) => c.to));
  const byRoot = new Map<string, { change: RuleAddressChange; location: Location }[]>();
  for (const change of findRuleAddressChanges(ctx.base, ctx.head, replaced)) {
    const location = ctx.head.resources.find((r) => r.address === change.to)?.location ?? change.shared[0]!.location;
    // a move to another resource type has another fix: one finding for each kind
    append(byRoot, `${rootOf(change.to)}\0${crossType(change)}`, { change, location });
  }
  return [...byRoot.values()].map((renames) => {
    renames.sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.startLine - b.location.startLine);
    const { change, location } = renames[0]!;
    const { from, to, shared } = change;
    const moved = movedBlockFor(from, to, ctx.base, ctx.head);
    const groups = [...new Set(shared.map((r) => r.group))].map((g) => code(groupTitle(g))).join(', ');
    const what = shared.length === 1 ? 'the same AWS rule' : `${shared.length} AWS rules the old one held`;
    const others = renames.slice(1);
    // the root is named once, by the first pair
    const local = (a: string) => code(a.slice(rootOf(a).length));
    const listed = others.slice(0, NAMED_RENAMES).map(({ change: c }) => `${local(c.from)} → ${local(c.to)}`);
    const more = others.length > NAMED_RENAMES ? ` and ${others.length - NAMED_RENAMES} more` : '';
    return {
      severity: 'low' as const,
      fingerprint: fingerprint('forced-replacement', to, 'address', from),
      title: others.length
        ? `${renames.length} rule resources are replaced: their addresses changed with no moved block`
        : `${from} is replaced by ${to}: the rule's address changed with no moved block`,
      message: [
        `${code(from)} is no longer declared and ${code(to)} declares ${what} on ${groups}, with no \`moved\` block.${others.length ? ` ${others.length === 1 ? 'So does 1 other rule resource' : `So do ${others.length} other rule resources`}: ${listed.join(', ')}${more}.` : ''} ${
          crossType(change)
            ? 'No `moved` block can join two resource types: Terraform deletes the old rule resource and creates the new one, with no order between the two.'
            : 'Terraform does not rename by itself: it deletes the old rule resource and creates the new one, with no order between the two.'
        }`,
        "AWS holds a rule once: if the new resource asks for it while the old one still holds it, AWS refuses it as a duplicate (`InvalidPermission.Duplicate`) and the apply fails; the old rule is deleted all the same, so the access is gone until the next apply. In the other order it is gone for a moment. `create_before_destroy` does not order the two: it orders the two halves of one resource's replacement.",
        '',
        crossType(change)
          ? typeChangeFix(ctx.head, change, moved, others.length > 0)
          : `Fix: add a \`moved\` block with ${code(`from = ${moved.from}`)} and ${code(`to = ${moved.to}`)} ${moved.where}${others.length ? ', and one for each of the others' : ''}: the rule keeps its AWS rule and nothing is revoked.`,
      ].join('\n'),
      resource: to,
      location,
    };
  });
}

/**
 * A change of rule resource type is kept by a `removed` block and an `import` block. An
 * `import` block works only in a root module (hashicorp/terraform#33474): in a module, the
 * configurations that call it write both in their own root, with the call's address.
 */
function typeChangeFix(head: Model, change: RuleAddressChange, moved: { from: string; to: string; where: string }, others: boolean): string {
  const each = others ? ', and the same for each of the others' : '';
  const local = change.to.slice(rootOf(change.to).length);
  if (!inModule(head, change.to))
    return `Fix: to keep the AWS rule, add a \`removed\` block for ${code(withoutInstanceKeys(moved.from))} with \`lifecycle { destroy = false }\` ${moved.where} (Terraform forgets it and leaves the rule in AWS), and an \`import\` block in the root module that adopts the rule at ${code(local)}${each}.`;
  return `Fix: an \`import\` block works only in a root module, so this module cannot keep the AWS rule for the configurations that use it. Each of them keeps it by adding, in its root module, a \`removed\` block for ${code(`module.<name>.${withoutInstanceKeys(moved.from)}`)} with \`lifecycle { destroy = false }\` (Terraform forgets it and leaves the rule in AWS) and an \`import\` block that adopts the rule at ${code(`module.<name>.${moved.to}`)}, \`module.<name>\` being its call of this module${each}. For a published module, say so in the upgrade notes (without them, the apply replaces the rule as above), or keep the old resource type until a major release.`;
}

/** Whether an address is declared in a module: under a module call, or in a module modelled on its own. */
function inModule(head: Model, address: string): boolean {
  const label = rootOf(address);
  return address.slice(label.length).startsWith('module.') || (head.standaloneModules ?? []).includes(label.slice(0, -1));
}
