// unresolved-value: a changed rule whose peer, protocol or ports cannot be evaluated
// statically. An unknown is never treated as closed: the message says what was assumed.
import { code } from '../findings/code-span.js';
import { fingerprint } from '../findings/finding.js';
import { fixesBrokenReference } from '../findings/broken-reference.js';
import { changedInputsOf, changedInputsNote, placeAtCause } from '../findings/changed-inputs.js';
import type { Location, Peer, Rule } from '../model/types.js';
import { groupTitle } from '../findings/describe.js';
import { defineRule } from '../findings/define-rule.js';
import { describeAccess } from '../findings/opened-access.js';
import { isNothing } from '../access/access.js';
import { cidrToSet, hasPublicAddresses, widerThan } from '../access/cidr.js';
import { callerTargetFindings } from '../findings/caller-targets.js';
import { joinedArguments } from '../evaluate/unknown-identity.js';
import { escapePattern } from '../hcl/file-reads.js';
import { append } from '../append.js';
import { UNREAD_FILE } from '../evaluate/data-files.js';
import { unappliedVarFileFindings } from '../findings/unapplied-var-files.js';
import { externalAttachmentFindings } from '../findings/external-attachments.js';

export const unresolvedValue = defineRule({
  id: 'unresolved-value',
  severity: 'medium',
  summary: 'A changed rule has a peer, protocol or port that cannot be evaluated statically.',
  check(ctx) {
    const baseIdentities = new Set(ctx.base.declarations.map((d) => `${d.resource}|${d.identity}`));
    // the same unknown on the same group, direction, protocol and ports at the base: the PR
    // changed something else in the rule (dropped a CIDR beside it), this unknown is not new
    const unknownAtBase = new Set(ctx.base.rules.filter(isUnresolved).map((r) => unresolvedKey(r)));
    // the same unknown peer allowed at the base on these ports and more: narrowing opens nothing
    // (a base rule on unknown ports covers only the same unknowns: a port written in their place
    // may be any other, access.ts)
    const coveredAtBase = (r: Rule) =>
      r.peer.type === 'unresolved' && peerValues(r).some((value) => isNothing(ctx.baseAccess.opened({ ...r, peer: { ...r.peer, value } as Peer })));
    // a member of `concat(a, b)` is a member of a or of b: covered when the base allowed both
    // (the base's inline `concat(a, b)` is the peers a and b, see listOf)
    const joinedAtBase = (r: Rule) => {
      const parts = joinedArguments(peerValues(r)[1] ?? '');
      return parts !== null && parts.every((part) => unknownAtBase.has(unresolvedKey(r, part)));
    };
    // a base rule whose peer was a broken reference to a data source, the head reading that type
    // correctly on the same rule: the PR fixed the reference (any other unknown is reported)
    // (indexed by the rule but its peer: each head rule looks at its own base rules only)
    const brokenAtBase = new Map<string, Rule[]>();
    for (const b of ctx.base.rules) if (b.peer.type === 'unresolved') append(brokenAtBase, unresolvedKey(b, ''), b);
    const fixedAtBase = (r: Rule) =>
      r.peer.type === 'unresolved' &&
      (brokenAtBase.get(unresolvedKey(r, '')) ?? []).some(
        (b) => b.peer.type === 'unresolved' && fixesBrokenReference({ expr: b.peer.value, reason: b.peer.reason }, r.peer.value),
      );
    const changedByInputs = new Set<string>();
    const byResource = new Map<string, { rule: Rule; what: string[]; kinds: Set<string>; fromData: boolean; unbounded: boolean }>();
    for (const r of ctx.head.rules) {
      // the same expression over changed inputs (a variable default, a tfvars value) is not the
      // same unknown: `concat(var.admin_cidrs, formatlist(…, aws_eip.x.*.public_ip))` with new admin CIDRs
      // (only inputs of the unknown itself: a changed known element beside it is new-ingress's)
      const unknownText = `${r.peer.type === 'unresolved' ? r.peer.value : ''} ${r.unresolved ?? ''}`;
      // an instance's or a dynamic block's each / count.index / iterator value not known here comes
      // from the for_each or count beside it: any changed input of the declaration may change it
      // (also beside known instances: the changed input may be the one the unknown ones come from)
      const iterated = ITERATION.test(unknownText);
      // (an edited rule too: rewording its description must not hide a changed data source behind it)
      const causes = changedInputsOf(ctx, r).filter(({ ref }) => iterated || mentions(unknownText, ref));
      if (causes.length) changedByInputs.add(declarationKey(r));
      else if (isUnresolved(r) && (unresolvedKeys(r).some((k) => unknownAtBase.has(k)) || joinedAtBase(r) || coveredAtBase(r) || fixedAtBase(r))) continue;
      const problems: string[] = [];
      const kinds = new Set<string>();
      if (r.peer.type === 'unresolved') problems.push(`the ${r.direction === 'ingress' ? 'source' : 'destination'} ${code(r.peer.value)}: ${r.peer.reason}`);
      if (r.peer.type === 'unresolved') kinds.add(peerKind(r.peer));
      if (r.unresolved) problems.push(r.unresolved);
      if (!problems.length) continue;
      const key = declarationKey(r);
      // placed at (and noting) what its unknown reads, not another changed value the resource reads
      const rule = causes.length ? { ...r, refs: [...new Set(causes.map(({ ref }) => ref))] } : r;
      const entry = byResource.get(key) ?? { rule, what: [], kinds: new Set<string>(), fromData: false, unbounded: false };
      entry.unbounded ||= !isPrivateBound(r);
      // a data source is named as such, also when it reads a group
      entry.fromData ||= r.peer.type === 'unresolved' && r.peer.value.startsWith('data.');
      for (const p of problems) if (!entry.what.includes(p)) entry.what.push(p);
      for (const k of kinds) entry.kinds.add(k);
      byResource.set(key, entry);
    }
    // a reference broken at the base (an undeclared name) silences nothing: only the very same
    // unknown on the same rule (unknownAtBase) is not new; whatever else the group gains is
    const changed = new Set(ctx.head.declarations.filter((d) => !baseIdentities.has(`${d.resource}|${d.identity}`)).map((d) => declarationKey(d)));
    for (const key of changedByInputs) changed.add(key);
    const unresolved = [...byResource.entries()]
      .filter(([key]) => changed.has(key))
      .map(([, { rule: r, what, kinds, fromData, unbounded }]) =>
        placeAtCause(ctx, r, {
          // a value from a file the review could not read (outside the repository, a link, over
          // max_data_file_bytes) is whatever that file holds: never a pass at the default fail_on
          // a range known to lie inside a private one no wider than /16 opens no more than it would
          severity: what.some((w) => w.includes(UNREAD_FILE)) ? ('high' as const) : unbounded ? ('medium' as const) : ('low' as const),
          fingerprint: fingerprint('unresolved-value', r.resource, what),
          title: `A rule on ${groupTitle(r.group)} depends on ${titleCause(kinds, fromData)}`,
          message: [
            `sg-review cannot tell statically what ${code(r.resource)} opens (${r.direction} ${describeAccess(r.protocol, [r.ports])}${r.unresolved ? ', as assumed' : ''} on ${code(r.group)}):`,
            '',
            ...what.map((w) => `- ${w}`),
            '',
            ...[...kinds].sort().map((k) => KIND_TEXT[k]!(r)),
            ...(r.unresolved ? ['The protocol or ports are not known: the widest value is assumed.'] : []),
            ...[changedInputsNote(ctx, r)].filter((n) => n !== null),
            'This rule is not counted as safe: review what the value will be at apply time, or give it a default or a tfvars entry.',
          ].join('\n'),
          resource: r.resource,
          location: r.location,
        }),
      );
    return [...unresolved, ...callerTargetFindings(ctx), ...unappliedVarFileFindings(ctx), ...externalAttachmentFindings(ctx)];
  },
});

/** each.key / each.value, count.index, or a dynamic block's iterator (`ingress.value`), never `var.value` or `local.key`. */
const ITERATION = /(^|[^\w.])(each\.(key|value)|count\.index|(?!(var|local|data|module|path|terraform)\.)[A-Za-z_][\w-]*\.(key|value))\b/;

/** Whether `text` refers to `name` (`var.a` in `concat(var.a, …)`, not in `var.ab`). */
const mentions = (text: string, name: string) => new RegExp(`(^|[^\\w.])${escapePattern(name)}(?![\\w-])`).test(text);

const declarationKey = (d: { resource: string; location: Location }) => `${d.resource}|${d.location.file}|${d.location.startLine}`;

type UnresolvedPeer = Extract<Peer, { type: 'unresolved' }>;

/**
 * A rule whose only unknown is a range inside a private one no wider than /16: what a known
 * peer of that range would be (classifyIngress: low), never the internet.
 */
const isPrivateBound = (r: Rule) => r.unresolved === null && r.peer.type === 'unresolved' && privateBound(r.peer) !== null;

/** The private range, no wider than /16, an unknown range is known to lie in; else null. */
function privateBound(peer: UnresolvedPeer): string | null {
  if (!peer.within) return null;
  const { family, set } = cidrToSet(peer.within);
  return !hasPublicAddresses(set, family) && !widerThan(set, family, 16) ? peer.within : null;
}

const isUnresolved = (r: Rule) => r.peer.type === 'unresolved' || r.unresolved !== null;

const unresolvedKey = (r: Rule, peer = r.peer.value) =>
  JSON.stringify([r.group, r.direction, r.protocol, r.ports, r.peer.type, peer, r.unresolved, r.unknownPorts]);

// `element(L, i)` and `L[i]` are members of the list L, whatever i is (element wraps around)
const MEMBER = /^(?:element\((.+), [^,()]+\)|(.+)\[[^\][]+\])$/;

/**
 * The rule's key, and for a peer that is one member of an unknown list, the key with the
 * whole list: `count = length(L)` with `element(L, count.index)` allows L, which the base
 * may have allowed at once (`security_groups = L` inline, rewritten as one rule per member).
 */
function unresolvedKeys(r: Rule): string[] {
  return peerValues(r).map((peer) => unresolvedKey(r, peer));
}

/** The peer's expression, and the whole list when it is one member of an unknown list. */
function peerValues(r: Rule): string[] {
  const list = r.peer.type === 'unresolved' ? MEMBER.exec(r.peer.value) : null;
  const whole = list?.[1] ?? list?.[2];
  return whole ? [r.peer.value, whole] : [r.peer.value];
}

/** What kind of unknown a peer is, for a sentence a reviewer can act on. */
function peerKind(peer: UnresolvedPeer): string {
  if (peer.expected === 'group') return 'group';
  if (privateBound(peer)) return 'inside';
  if (peer.value.startsWith('data.')) return 'data';
  return 'value';
}

/** The title's cause: the one kind of unknown when there is one, else the general words; a data source is named as such. */
function titleCause(kinds: Set<string>, fromData: boolean): string {
  if (kinds.size === 1 && kinds.has('data')) return 'a data source read at plan time';
  if (kinds.size === 1 && kinds.has('group'))
    return fromData ? 'a security group read by a data source at plan time' : 'a security group known only at plan time';
  return 'values not known before apply';
}

// An unknown group is never the internet: it is not described as one. It stays medium (the
// rule table's severity) because it hides which tier gains the access, and with it whether a
// path from the internet now reaches the group, which sg-review cannot follow through it.
const KIND_TEXT: Record<string, (r: Rule) => string> = {
  group: (r) =>
    r.direction === 'ingress'
      ? `The source is a security group known only at plan time: never the internet itself, but whatever that group is attached to gains this access, and if that group is reachable from the internet (a load balancer's), the path now reaches ${code(r.group)} too, which sg-review cannot follow through an unknown group.`
      : `The destination is a security group known only at plan time: never the internet itself, but ${code(r.group)} can now reach whatever that group is attached to, which sg-review cannot tell.`,
  data: () =>
    'The addresses come from a data source, read at plan time from outside this repository (a provider or another state): what it returns decides what this rule opens.',
  value: () => 'An unknown address range could be anything, including the internet.',
  inside: (r) =>
    `The addresses are not known here, but they lie inside ${code(r.peer.type === 'unresolved' ? (r.peer.within ?? '') : '')} (a \`cidrsubnet\` of that private range): the rule opens no more than that range.`,
};
