// What a proposed configuration relaxes compared with the one in force (the default branch's):
// each change that can let a later pull request pass with less reported, or with a finding that
// would fail today. The review reads its configuration from the default branch, so a pull request
// that changes it is not reviewed under it; it weakens every review after the merge.
import { SEVERITIES, type Config } from './schema.js';

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
/** Bounds whose hit is an analysis-limit or parse-error finding: raised, a configuration that hit one passes without it. */
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
  if (head.sensitive_ports !== undefined && base.sensitive_ports === undefined)
    relaxed.push('`sensitive_ports` replaces the documented list of sensitive ports: a port left out of it is no longer sensitive');
  else if (head.sensitive_ports && base.sensitive_ports) {
    const gone = base.sensitive_ports.filter((p) => !head.sensitive_ports!.includes(p));
    if (gone.length) relaxed.push(`\`sensitive_ports\` no longer lists ${gone.map(show).join(', ')}: those ports are no longer sensitive`);
  }
  if (head.rule_quota > base.rule_quota)
    relaxed.push(`\`rule_quota\` raised from ${base.rule_quota} to ${head.rule_quota}: groups reach more rules before \`rule-quota\` fires`);
  added('label_only_modules', base.label_only_modules, head.label_only_modules, 'an unread call to one is no longer `unanalysed-module`');
  const approvers = (c: Config) => c.suppression_approvers;
  if (approvers(head) && !approvers(base))
    relaxed.push(
      `\`suppression_approvers\` set to ${show(approvers(head))}: they accept suppressions in place of the users with write permission, whatever their own permission`,
    );
  else if (approvers(head) && approvers(base)) added('suppression_approvers', approvers(base)!, approvers(head)!, 'they may accept suppressions');
  if (head.applied_with !== undefined && base.applied_with === undefined)
    relaxed.push(`\`applied_with\` set to ${show(head.applied_with)}: the other tool's reading of \`.tofu\` files is no longer reviewed`);
  for (const key of BOUNDS)
    if (head[key] > base[key])
      relaxed.push(
        `\`${key}\` raised from ${base[key]} to ${head[key]}: each review may spend more on what a pull request gives it, before the bound is reported`,
      );
  for (const key of ['max_count', 'max_bytes', 'timeout_seconds'] as const) {
    const [from, to] = [base.modules[key], head.modules[key]];
    if (to !== undefined && (from === undefined || to > from))
      relaxed.push(`\`modules.${key}\` ${from === undefined ? 'set' : `raised from ${from}`} to ${to}: each review may read more remote module code`);
  }
  const named = new Set(relaxed.map((r) => /^`([\w.]+)`/.exec(r)![1]!.split('.')[0]!));
  const otherwise = (Object.keys(head) as (keyof Config)[]).filter((k) => !named.has(k) && JSON.stringify(head[k]) !== JSON.stringify(base[k]));
  return { relaxed, otherwise };
}
