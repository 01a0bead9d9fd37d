// The orchestrator: base and head models in, findings and a conclusion out.
//   1. rename base addresses by `moved` blocks so groups match across revisions, and those
//      whose instance key only changed form (a count that became unknown: `x[0]` → `x`); then a
//      group whose address changed without a `moved` block to the group taking its place (what
//      it allows is compared with what the old group allowed; forced-replacement says it is replaced)
//   2. run every finding rule on (base, head, config)
//   3. drop disabled rules, mark suppressed findings
//   4. conclude by `fail_on`, and summarise what closed
import { append } from './append.js';
import type { ReviewSettings } from './settings.js';
import type { LimitHit } from './evaluate/limits.js';
import { AccessIndex, isNothing } from './access/access.js';
import { rangeExcept, setToCidrs } from './access/cidr.js';
import { SEVERITY_RANK } from './findings/finding.js';
import { commonProtocol } from './model/protocol.js';
import { withImportsOfBoth } from './model/imported-groups.js';
import type { Location, Model, ModelStats, Peer, PortRange, Rule, Suppression } from './model/types.js';
import { SCHEMA, type Closed, type Finding, type ReviewResult, type SuppressionOutcome } from './result.js';
import { createContext } from './findings/context.js';
import { isLabelOnly } from './modules/label-only.js';
import { instanceKeyRenames } from './model/instance-keys.js';
import { rootLabelOf } from './model/roots.js';
import { renameAddresses } from './model/rename.js';
import { findAddressChanges } from './findings/address-changes.js';
import { locateThroughCall } from './findings/module-calls.js';
import { moduleRepositoryWords, reachedThroughCaller } from './findings/standalone-modules.js';
import { mergeAcrossInstances } from './findings/same-module-code.js';
import { gatherSetByCallers, switchedOnByDefault } from './findings/set-by-callers.js';
import { plainTopDirectory } from './findings/describe.js';
import { FINDING_RULES, isRuleId } from './rules/registry.js';

/** The problem listed for a suppression that waits for approval. */
export const PENDING_PROBLEM = 'added or changed by this change: pending approval, the finding still counts';
/** The problem listed for a suppression the merge base had above a block this change alters. */
export const CHANGED_BLOCK_PROBLEM =
  'the suppression was approved for the rule as it was: this change alters the block below it, so it is pending approval and the finding still counts';
/** The problem listed for a base suppression above an unchanged block that this change opens more through. */
export const OPENED_ELSEWHERE_PROBLEM =
  'the suppression was approved for the access as it was: this change opens more through the block below it from elsewhere (a value it reads, another hop of the path), so it is pending approval and the finding still counts';

/**
 * Findings of access the base did not have. A base suppression sits above a block the change
 * left as it was (its fingerprint holds the block's text), so such a finding there is another
 * change's doing: not what was approved.
 */
const NEW_ACCESS = new Set(['new-ingress', 'new-egress', 'new-internet-path']);

export interface ReviewOptions {
  /** Apply suppressions the change adds (`--accept-suppressions`, `scan`): otherwise they are pending. */
  acceptSuppressions?: boolean;
  /** The day `until=` dates are compared with (YYYY-MM-DD); today by default. */
  today?: string;
  /** Root directories the change deletes whole, by the label their addresses carry (null: the
   * only root, unlabelled). Set by reviewFiles. */
  deletedRoots?: { dir: string; label: string | null }[];
  /** The files the change adds, removes or edits (set by reviewFiles); when absent, a file is
   * taken as unchanged where its parse error is the same at both revisions. */
  changedFiles?: readonly string[];
  /** Bounds the reading of the change hit before the engine ran (`max_caller_dirs`): reported
   * as the head's, so never taken for pre-existing. */
  readLimits?: LimitHit[];
  /** Directories of the head whose files could not be read (a git submodule with no clone
   * here; set by reviewFiles): what the base declared there is not known to be closed. */
  unreadDirs?: readonly string[];
}

export function review(baseModel: Model, modelled: Model, config: ReviewSettings, options: ReviewOptions = {}): ReviewResult {
  const [base, imported] = withImportsOfBoth(baseModel, modelled);
  const head = options.readLimits?.length ? { ...imported, limits: [...(imported.limits ?? []), ...options.readLimits] } : imported;
  const movedBase = applyMoved(base, [...base.moved, ...head.moved]);
  const keyRenames = instanceKeyRenames(movedBase, head);
  const keyedBase = keyRenames.size ? renameAddresses(movedBase, (a) => keyRenames.get(a) ?? [a]) : movedBase;
  const addressChanges = findAddressChanges(keyedBase, head);
  const renamedBase = renameBy(keyedBase, addressChanges);
  // a block the base switched off by default and the head switches on: its rules are new
  const flipped = switchedOnByDefault(renamedBase, head);
  const comparedBase = { ...renamedBase, rules: renamedBase.rules.filter((r) => !flipped(r)) };
  const ctx = createContext(comparedBase, head, config, addressChanges, options.changedFiles);
  const findings: Finding[] = [];
  const used = new Map<Suppression, string[]>();
  const openedElsewhere = new Set<Suppression>();
  const standing = suppressionStanding(base, head, options);
  const duplicate = reachedThroughCaller(head);
  // a module directory the change deletes was modelled on its own at the base only
  const reachedAtEither = reachedThroughCaller({
    ...head,
    resources: [...head.resources, ...base.resources],
    moduleCalls: [...head.moduleCalls, ...base.moduleCalls],
    standaloneModules: [...(head.standaloneModules ?? []), ...(base.standaloneModules ?? [])],
  });
  const raised: Finding[] = [];
  const unmanaged = unmanagedRoots(renamedBase, head, options.deletedRoots ?? []);
  const unmanagedGroups = new Set(unmanaged.flatMap((u) => u.groups));
  for (const rule of FINDING_RULES) {
    if (config.disabled_rules.includes(rule.id)) continue;
    for (const f of rule.check(ctx)) if (!duplicate(f)) raised.push({ ...locateThroughCall(f, ctx), rule: f.rule, suppressed: false });
  }
  const moduleWords = moduleRepositoryWords(head, renamedBase);
  // a module repository's blocks named as the module's own: renamed before instances merge
  for (const f of mergeAcrossInstances(gatherSetByCallers(raised.map(moduleWords.rename), head)))
    findings.push(suppress(inPlainWords(moduleWords.note(f)), head, used, standing, openedElsewhere));
  findings.sort(byRank);
  return {
    schema: SCHEMA,
    conclusion: conclusionOf(findings, config.fail_on),
    stats: { base: stats(base), head: stats(head, duplicate) },
    findings,
    // what a caller reaches (at either revision), the caller's own closed access says; a
    // deleted root's groups are not closed: they are no longer managed here
    closed: closedAccess(renamedBase, head, ctx.headAccess, options.unreadDirs ?? []).filter(
      (c) => !reachedAtEither({ resource: c.group }) && !unmanagedGroups.has(c.group),
    ),
    unmanaged,
    modules: [...head.moduleCalls]
      .sort((a, b) => a.file.localeCompare(b.file) || a.location.startLine - b.location.startLine)
      .map((c) => ({
        address: c.address,
        file: c.file,
        line: c.location.startLine,
        source: c.source,
        version: c.version,
        how: c.how,
        resolvedVersion: c.resolvedVersion,
        reason: c.reason,
        note: c.note,
        labelOnly: isLabelOnly(c.source, config.label_only_modules),
      })),
    suppressionProblems: head.suppressions.flatMap((s) => {
      const problems: string[] = [];
      const state = standing.get(s);
      if (s.rule === 'all') problems.push('`ignore all` is not accepted: name the rule');
      else if (!isRuleId(s.rule)) problems.push(`names an unknown rule "${s.rule}"`);
      else if (state === 'bad-date') problems.push('until= must be a date, YYYY-MM-DD');
      else if (state === 'expired') problems.push(`expired on ${s.until}`);
      else if (!used.has(s)) problems.push('matches no finding (put it on the line above the block or rule)');
      else if (state === 'pending') problems.push(PENDING_PROBLEM);
      else if (state === 'changed') problems.push(CHANGED_BLOCK_PROBLEM);
      else if (openedElsewhere.has(s)) problems.push(OPENED_ELSEWHERE_PROBLEM);
      if (!s.reason) problems.push('gives no reason');
      return problems.map((problem) => ({ file: s.file, line: s.line, rule: s.rule, problem }));
    }),
    suppressions: [...used].map(([s, matched]) => ({
      file: s.file,
      line: s.line,
      rule: s.rule,
      reason: s.reason,
      fingerprint: s.fingerprint,
      state: openedElsewhere.has(s) ? 'pending' : OUTCOME[standing.get(s)!],
      findings: matched,
    })),
    unreadAtBase: unreadAtBase(base, head),
    unreadAtHead: unreadAtHead(renamedBase, head),
    ignoredFiles: head.ignoredFiles ?? [],
  };
}

/**
 * The groups of each root directory the change deletes whole (and the head does not declare
 * again): deleting Terraform files destroys nothing, so their rules stay in AWS and in that
 * root's state until it is destroyed. They are listed as no longer managed here, not as closed.
 */
function unmanagedRoots(base: Model, head: Model, deleted: NonNullable<ReviewOptions['deletedRoots']>): ReviewResult['unmanaged'] {
  const inHead = new Set(head.groups.map((g) => g.address));
  return deleted.flatMap(({ dir, label }) => {
    const inRoot = (address: string) => (label === null ? rootLabelOf(address) === null : address.startsWith(`${label}:`));
    const groups = base.groups.filter((g) => inRoot(g.address) && !inHead.has(g.address)).map((g) => g.address);
    return groups.length ? [{ directory: dir, groups }] : [];
  });
}

/** Base parse errors in files the head reads (one still broken at the head has its own finding). */
function unreadAtBase(base: Model, head: Model): ReviewResult['unreadAtBase'] {
  const broken = new Set(head.parseErrors.map((e) => e.file));
  return base.parseErrors.filter((e) => !broken.has(e.file)).map(({ file, line, message }) => ({ file, line, message }));
}

/** Head parse errors in files the base read: nothing the base declared there is known to be closed. */
function unreadAtHead(base: Model, head: Model): ReviewResult['unreadAtHead'] {
  const broken = new Set(base.parseErrors.map((e) => e.file));
  // a file with no rule at the base has nothing that could have been listed as closed: its
  // parse-error finding says all there is
  return head.parseErrors
    .filter((e) => !broken.has(e.file))
    .map(({ file, line, message }) => ({ file, line, message, baseRules: base.rules.filter((r) => r.location.file === file).length }))
    .filter((u) => u.baseRules > 0);
}

const OUTCOME: Record<Standing, SuppressionOutcome['state']> = {
  'at-base': 'at-base',
  accepted: 'accepted',
  pending: 'pending',
  changed: 'pending',
  expired: 'expired',
  'bad-date': 'invalid',
};

/** `failure` when a finding that is not suppressed is at or above `fail_on`. */
/** The order of findings: the most severe first, then by place and rule. */
export function byRank(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.location.file.localeCompare(b.location.file) ||
    a.location.startLine - b.location.startLine ||
    a.rule.localeCompare(b.rule)
  );
}

export function conclusionOf(findings: readonly Finding[], failOn: string): ReviewResult['conclusion'] {
  const threshold = SEVERITY_RANK[failOn as keyof typeof SEVERITY_RANK];
  return failOn !== 'never' && findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] >= threshold) ? 'failure' : 'success';
}

/** What the configuration holds, each block a caller reaches counted as its callers build it. */
function stats(m: Model, duplicate = reachedThroughCaller(m)): ModelStats {
  const groups = m.groups.filter((g) => !duplicate({ resource: g.address }));
  return { files: m.files.length, groups: groups.length, rules: m.rules.filter((r) => !duplicate(r)).length };
}

/** `changed`: pending, because the merge base had it above a block this change alters. */
type Standing = 'at-base' | 'accepted' | 'pending' | 'changed' | 'expired' | 'bad-date';

/**
 * A pull request cannot waive its own findings: a suppression applies only when the merge base
 * already had exactly it (its fingerprint: file, rule, reason, date, and the text of the block
 * below it, so neither a copy above another block nor an altered block counts), or when it was
 * accepted. Lines moving above it keep it. One the base had above a block this change alters is
 * `changed`: pending too, and said so.
 */
function suppressionStanding(base: Model, head: Model, options: ReviewOptions): Map<Suppression, Standing> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const atBase = new Set(base.suppressions.map((s) => s.fingerprint));
  const place = (s: Suppression) => JSON.stringify([s.file, s.rule, s.reason, s.until ?? '', s.anchor]);
  // the base's suppressions whose exact text is gone at the head: their blocks were altered
  const atHead = new Set(head.suppressions.map((s) => s.fingerprint));
  const alteredAtBase = new Set(base.suppressions.filter((s) => !atHead.has(s.fingerprint)).map(place));
  const standing = new Map<Suppression, Standing>();
  for (const s of head.suppressions) {
    if (s.until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(s.until)) standing.set(s, 'bad-date');
    else if (s.until !== undefined && s.until < today) standing.set(s, 'expired');
    else if (atBase.has(s.fingerprint)) standing.set(s, 'at-base');
    else if (options.acceptSuppressions) standing.set(s, 'accepted');
    else standing.set(s, alteredAtBase.has(place(s)) ? 'changed' : 'pending');
  }
  return standing;
}

/**
 * `# sg-review:ignore <rule> <reason>` directly above the block or attribute where the finding
 * is. A base suppression does not cover new access (`openedElsewhere` collects it): pending.
 * New access placed at its cause (a changed value) is matched above the unchanged rule too,
 * so a suppression approved there is named as not covering it, and can be accepted for it.
 */
function suppress(f: Finding, head: Model, used: Map<Suppression, string[]>, standing: Map<Suppression, Standing>, openedElsewhere: Set<Suppression>): Finding {
  const above = (at: Location) =>
    head.suppressions.find(
      (s) => s.file === at.file && s.rule === f.rule && s.span !== undefined && s.span.startLine <= at.startLine && at.startLine <= s.span.endLine,
    );
  const hit = above(f.location) ?? (NEW_ACCESS.has(f.rule) ? f.related?.map(above).find((s) => s !== undefined) : undefined);
  if (!hit) return f;
  append(used, hit, f.fingerprint);
  const state = standing.get(hit);
  if (state === 'at-base' && NEW_ACCESS.has(f.rule)) {
    openedElsewhere.add(hit);
    return { ...f, suppressionPending: hit.reason };
  }
  if (state === 'at-base' || state === 'accepted') return { ...f, suppressed: true, suppression: hit.reason };
  if (state === 'pending' || state === 'changed') return { ...f, suppressionPending: hit.reason };
  return f;
}

/**
 * Renames addresses (and module prefixes) by `moved { from, to }`. A move onto an address the
 * base already holds is blocked, as Terraform blocks it (a warning, "Unresolved resource
 * instance address changes"): the object at `from` keeps its address (and is destroyed when
 * the head no longer declares it), and the one at `to` keeps its own access, never the other's.
 */
function applyMoved(model: Model, moved: { from: string; to: string }[]): Model {
  if (!moved.length) return model;
  const held = [...new Set([...model.groups.map((g) => g.address), ...model.resources.map((r) => r.address)])];
  // an address another move takes away is free for this one (Terraform resolves chains in order)
  const staying = held.filter((a) => !moved.some((m) => isUnder(a, m.from, m.to)));
  return renameBy(
    model,
    moved.filter((m) => !staying.some((a) => isUnder(a, m.to, m.from))),
  );
}

/** Renames addresses (and module prefixes) from one address to another. */
function renameBy(model: Model, moves: { from: string; to: string }[]): Model {
  if (!moves.length) return model;
  const rename = (a: string): string => {
    for (const m of moves) if (isUnder(a, m.from, m.to)) return m.to + a.slice(m.from.length);
    return a;
  };
  return renameAddresses(model, (a) => [rename(a)]);
}

/**
 * The move's end itself, or (a module) the blocks in it, or one of its instances, unless the
 * other end names an instance: Terraform reads both ends alike, so `module.x` → `module.x[0]`
 * moves the unkeyed instance only, never `module.x[*]` (a count not known here) nor `module.x["a"]`.
 */
const isUnder = (address: string, end: string, otherEnd: string) =>
  address === end || address.startsWith(`${end}.`) || (!otherEnd.endsWith(']') && address.startsWith(`${end}[`));

/**
 * Access the head no longer allows, as far as it is known to be revoked: not a peer replaced by
 * an unknown that could be it (an unknown for an unknown, an unknown IPv4 range for a known
 * IPv4 one: what the head still allows is not known), and not the inline rules of a direction
 * an `aws_security_group` (or awscc group) stops managing (they stay in AWS, research/semantics.md §2), and not
 * the rules of a file the head could not parse or read (below a git submodule with no clone
 * here): what it declares there is not known.
 */
function closedAccess(base: Model, headModel: Model, head: AccessIndex, unreadDirs: readonly string[]): Closed[] {
  const out: Closed[] = [];
  const headGroups = new Map(headModel.groups.map((g) => [g.address, g]));
  const leftInAws = (rule: Model['rules'][number]) => {
    if (rule.origin !== 'inline') return false;
    const g = headGroups.get(rule.group);
    return g !== undefined && g.type !== 'aws_default_security_group' && g.ownership[rule.direction] === 'unmanaged';
  };
  const throughUnknown = mayStillAllowThroughUnknown(headModel);
  const againstHead = headMayTarget(base, headModel, head);
  // a rule only a value set outside created (for_each over a map passed in empty): what it
  // allowed was the callers' choice, nothing known to close
  const callers = (rule: Rule) => rule.conditionSetOutside.length > 0;
  const unread = new Set(headModel.parseErrors.map((e) => e.file));
  const inUnreadDir = (rule: Rule) => unreadDirs.some((d) => rule.location.file.startsWith(`${d}/`));
  for (const rule of base.rules) {
    if (throughUnknown(rule) || leftInAws(rule) || callers(rule) || unread.has(rule.location.file) || inUnreadDir(rule)) continue;
    const gone = againstHead(rule).opened(rule);
    if (isNothing(gone)) continue;
    const of = { group: rule.group, direction: rule.direction, protocol: rule.protocol };
    if (rule.unknownPorts !== null) {
      // ports not known statically: the rule's peer once, not the widest ports cut into pieces
      const peer = rule.peer.type === 'self' ? 'self' : rule.peer.value;
      out.push({ ...of, peer, ports: [[rule.ports[0], rule.ports[1]]], portsUnknown: true });
      continue;
    }
    for (const c of gone.cidr) {
      const ports: [number, number][] = c.ports.map(([a, b]) => [Number(a), Number(b)]);
      // a narrowed range: the base rule's range and what the head still allows of it, not the pieces between
      const still = rule.peer.type === 'cidr' ? rangeExcept(rule.peer.value, c.addrs, c.family) : [];
      if (still.length) out.push({ ...of, peer: rule.peer.value, ports, except: still });
      else for (const cidr of setToCidrs(c.addrs, c.family)) out.push({ ...of, peer: cidr, ports });
    }
    for (const k of gone.keyed)
      out.push({ ...of, peer: k.peer.type === 'self' ? 'self' : k.peer.value, ports: k.ports.map(([a, b]) => [Number(a), Number(b)]) });
  }
  return out;
}

/**
 * What the head may allow on a base rule's group: a head rule whose target is not known before
 * apply may be on that group (and a base rule whose own target was unknown may be on any group
 * the head writes to), so what it allows there is not known to be closed.
 */
function headMayTarget(base: Model, headModel: Model, head: AccessIndex): (rule: Rule) => AccessIndex {
  const unknownTarget = (m: Model, r: Rule) => m.unknowns.some((u) => u.resource === r.resource && u.attribute === 'security_group_id');
  const anywhere = headModel.rules.filter((r) => unknownTarget(headModel, r));
  const byGroup = new Map<string, AccessIndex>();
  return (rule) => {
    const fromUnknown = unknownTarget(base, rule);
    const wild = fromUnknown ? headModel.rules : anywhere;
    if (!wild.length) return head;
    const key = `${fromUnknown}\0${rule.group}`;
    let index = byGroup.get(key);
    if (!index) {
      index = new AccessIndex(headModel.rules);
      for (const r of wild) index.add({ ...r, group: rule.group });
      byGroup.set(key, index);
    }
    return index;
  };
}

/**
 * Whether the head may still allow a base rule through a peer it does not know, so nothing is
 * known to close: a head rule on an unknown peer that could be the base rule's (a peer swapped
 * for an unknown), or a declaration that leaves the base rule's unknown peer to its callers
 * (`var.alb_sg` gained the default ""): either on the same group and direction, with a
 * protocol and ports that meet the base rule's (a udp rule is no tcp rule's successor). Indexed by
 * group and direction: scanning every head rule for each base rule grew with their product (a
 * review of 40,000 rules took minutes).
 */
function mayStillAllowThroughUnknown(head: Model): (rule: Rule) => boolean {
  const candidates = new Map<string, { protocol: string; ports: PortRange; couldBe: (peer: Peer) => boolean }[]>();
  const slot = (group: string, direction: string | null) => `${group}\0${direction}`;
  for (const r of head.rules) {
    const unknown = r.peer;
    if (unknown.type === 'unresolved')
      append(candidates, slot(r.group, r.direction), { protocol: r.protocol, ports: r.ports, couldBe: (peer) => couldBe(unknown, peer) });
  }
  for (const d of head.declarations)
    if (d.peersSetOutside.length)
      append(candidates, slot(d.group, d.direction), {
        protocol: d.protocol,
        ports: d.ports,
        couldBe: (peer) => peer.type === 'unresolved' && d.peersSetOutside.includes(peer.value),
      });
  return (rule) =>
    (candidates.get(slot(rule.group, rule.direction)) ?? []).some(
      (c) => commonProtocol(c.protocol, rule.protocol) !== null && c.ports[0] <= rule.ports[1] && c.ports[1] >= rule.ports[0] && c.couldBe(rule.peer),
    );
}

/** Whether an unknown peer could turn out to be `peer`: any unknown, or a known range of its family. */
function couldBe(unknown: Extract<Peer, { type: 'unresolved' }>, peer: Peer): boolean {
  if (peer.type === 'unresolved') return true;
  if (peer.type !== 'cidr') return false;
  return unknown.family === undefined ? unknown.expected === undefined : unknown.family === peer.family;
}

/** A finding's words with the top directory's addresses plain (its identity unchanged). */
function inPlainWords(f: Finding): Finding {
  const related = f.related?.map((r) => ({ ...r, message: plainTopDirectory(r.message) }));
  return { ...f, title: plainTopDirectory(f.title), message: plainTopDirectory(f.message), ...(related ? { related } : {}) };
}
