// What a proposed configuration relaxes compared with the one in force (the default branch's):
// each change that can let a later pull request pass with less reported, or with a finding that
// would fail today. The review reads its configuration from the default branch, so a pull request
// that changes it is not reviewed under it; it weakens every review after the merge.
import { SEVERITIES, type Config } from './schema.js';
import { subtract } from '../engine/access/intervals.js';
import { sensitiveSet } from '../engine/findings/opened-access.js';

export interface ConfigComparison {
  /** One sentence per relaxation, in markdown. */
  relaxed: string[];
  /** The other keys the change sets differently (tighter, or neither). */
  otherwise: string[];
}

const show = (v: unknown) => `\`${JSON.stringify(v)}\``;
// from the strictest: info fails on everything, never on nothing
const FAIL_ORDER: string[] = [...[...SEVERITIES].reverse(), 'never'];
const ERROR_ORDER = ['failure', 'neutral', 'success'];
/** Bounds on a review's work: raised, each review spends more on what a pull request gives it;
 * lowered, what lies beyond one is an analysis-limit (or parse-error), high or low, in place of
 * the finding it would give (a critical one included). */
const BOUNDS = [
  'max_instances',
  'max_values',
  'max_expression_depth',
  'review_time_budget',
  'max_module_depth',
  'max_caller_dirs',
  'max_link_hops',
  'max_data_file_bytes',
  'max_hcl1_statement_lines',
] as const;

export function compareConfigs(base: Config, head: Config): ConfigComparison {
  const relaxed: string[] = [];
  const added = <T>(key: string, from: readonly T[], to: readonly T[], what: string) => {
    const more = to.filter((x) => !from.some((y) => JSON.stringify(y) === JSON.stringify(x)));
    if (more.length) relaxed.push(`\`${key}\` adds ${more.map(show).join(', ')}: ${what}`);
  };
  if (FAIL_ORDER.indexOf(head.fail_on) > FAIL_ORDER.indexOf(base.fail_on))
    relaxed.push(`\`fail_on\` raised from ${show(base.fail_on)} to ${show(head.fail_on)}: findings below it no longer fail the check`);
  if (ERROR_ORDER.indexOf(head.on_error) > ERROR_ORDER.indexOf(base.on_error))
    relaxed.push(`\`on_error\` changed from ${show(base.on_error)} to ${show(head.on_error)}: a review that cannot complete no longer fails`);
  added('disabled_rules', base.disabled_rules, head.disabled_rules, 'those rules are no longer reported');
  // a glob the base had and the head has not may leave directories out
  const dropped = base.paths.filter((p) => !head.paths.includes(p));
  if (dropped.length) relaxed.push(`\`paths\` no longer lists ${dropped.map(show).join(', ')}: directories only those matched are no longer reviewed`);
  added('ignore_paths', base.ignore_paths, head.ignore_paths, 'directories they match are no longer reviewed');
  added('allowed_public_ports', base.allowed_public_ports, head.allowed_public_ports, 'those ports open to the internet become low severity');
  added('trusted_cidrs', base.trusted_cidrs, head.trusted_cidrs, 'access from those ranges becomes low severity');
  // compared as the engine reads them: unset is the documented list (per protocol), a list holds for every protocol
  const unsensitive = ['tcp', 'udp'].flatMap((protocol) => {
    const gone = subtract(sensitiveSet(base, protocol), sensitiveSet(head, protocol));
    return gone.length ? [`${protocol} ${gone.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ')}`] : [];
  });
  if (unsensitive.length)
    relaxed.push(
      `\`sensitive_ports\` ${head.sensitive_ports ? 'no longer covers' : 'removed: the documented list leaves out'} ${unsensitive.join('; ')}: those ports are no longer sensitive`,
    );
  if (head.rule_quota > base.rule_quota)
    relaxed.push(`\`rule_quota\` raised from ${base.rule_quota} to ${head.rule_quota}: groups reach more rules before \`rule-quota\` fires`);
  added('label_only_modules', base.label_only_modules, head.label_only_modules, 'an unread call to one is no longer `unanalysed-module`');
  const approvers = (c: Config) => c.suppression_approvers;
  if (approvers(head) && !approvers(base))
    relaxed.push(
      `\`suppression_approvers\` set to ${show(approvers(head))}: they accept suppressions in place of the users with write permission, whatever their own permission`,
    );
  else if (approvers(head) && approvers(base)) added('suppression_approvers', approvers(base)!, approvers(head)!, 'they may accept suppressions');
  else if (approvers(base))
    relaxed.push(`\`suppression_approvers\` removed (was ${show(approvers(base))}): anyone with write permission may accept suppressions`);
  // unset, both tools' readings are reviewed; set, or changed, only the named tool's
  if (head.applied_with !== undefined && head.applied_with !== base.applied_with)
    relaxed.push(`\`applied_with\` set to ${show(head.applied_with)}: the other tool's reading of the \`.tf\` and \`.tofu\` files is no longer reviewed`);
  varFileRelaxations(base.var_files, head.var_files, relaxed);
  const lowered = (key: string, from: number, to: number) =>
    relaxed.push(
      `\`${key}\` lowered from ${from} to ${to}: what lies beyond the bound is reported as an analysis limit (high, low when the base hits it too) in place of the finding it would give`,
    );
  for (const key of BOUNDS)
    if (head[key] > base[key])
      relaxed.push(
        `\`${key}\` raised from ${base[key]} to ${head[key]}: each review may spend more on what a pull request gives it, before the bound is reported`,
      );
    else if (head[key] < base[key]) lowered(key, base[key], head[key]);
  // a group the internet reaches in more hops is an analysis-limit, not a critical new-internet-path
  if (head.max_hops < base.max_hops) lowered('max_hops', base.max_hops, head.max_hops);
  for (const key of ['max_count', 'max_bytes', 'timeout_seconds'] as const) {
    const [from, to] = [base.modules[key], head.modules[key]];
    if (to !== undefined && (from === undefined || to > from))
      relaxed.push(`\`modules.${key}\` ${from === undefined ? 'set' : `raised from ${from}`} to ${to}: each review may read more remote module code`);
    // fewer modules read: one beyond the bound is unanalysed-module (medium), not what its code opens
    else if (from !== undefined && (to === undefined || to < from))
      relaxed.push(
        `\`modules.${key}\` ${to === undefined ? "removed (the server's bound applies)" : 'lowered'} from ${from}${to === undefined ? '' : ` to ${to}`}: a module beyond the bound is \`unanalysed-module\` (medium) in place of what its code opens`,
      );
  }
  const named = new Set(relaxed.map((r) => /^`([\w.]+)`/.exec(r)![1]!.split('.')[0]!));
  // over both: a key the head removes is a change too
  const keys = [...new Set([...Object.keys(head), ...Object.keys(base)])] as (keyof Config)[];
  const otherwise = keys.filter((k) => !named.has(k) && JSON.stringify(head[k]) !== JSON.stringify(base[k]));
  return { relaxed, otherwise };
}

/** A var file given to a root it was not, or given in another order (a later file's values win):
 * a later pull request changing that file is reviewed as that root's tfvars, or overridden by
 * another, where it was a high unresolved-value; the configuration cannot check what CI passes.
 * A var file dropped is stricter: its changes become unresolved-value again. */
function varFileRelaxations(base: Config['var_files'], head: Config['var_files'], relaxed: string[]) {
  const given: string[] = [];
  const reordered: string[] = [];
  for (const [glob, files] of Object.entries(head)) {
    const before = Object.hasOwn(base, glob) ? base[glob]! : [];
    given.push(...files.filter((f) => !before.includes(f)).map((f) => `${show(f)} to ${show(glob)}`));
    const kept = files.filter((f) => before.includes(f));
    if (JSON.stringify(kept) !== JSON.stringify(before.filter((f) => kept.includes(f)))) reordered.push(show(glob));
  }
  if (given.length)
    relaxed.push(`\`var_files\` gives ${given.join(', ')}: changes to those files are reviewed as that root's values, not reported as unresolved`);
  if (reordered.length) relaxed.push(`\`var_files\` reorders the files of ${reordered.join(', ')}: a file now later overrides the values of one before it`);
}
