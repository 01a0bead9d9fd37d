// A pull request that changes the configuration file (`.github/sg-review.yml`). The review
// reads the configuration from the default branch, so the change does not weaken its own review;
// it weakens every review after the merge. What it relaxes compared with the default branch's
// is listed in the check summary (a section like the one on added suppressions: the change is
// no finding about the Terraform, it is a waiver of later findings), and, like a suppression
// the PR adds, a relaxation waits for an approver's `/sg-review accept` (acceptance.ts): until
// then the check fails, unless the configuration in force never fails it (`fail_on: never`).
import { createHash } from 'node:crypto';
import { parseConfig } from '../config/load.js';
import { compareConfigs, type ConfigComparison } from '../config/relaxations.js';
import { ConfigError, DEFAULT_CONFIG, type Config } from '../config/schema.js';
import type { SuppressionOutcome } from '../engine/result.js';
import { readConfigText } from '../github/config.js';
import type { PullFile } from '../github/pull-files.js';
import type { GitHubClient, RepoRef } from '../github/types.js';
import { CONFIGURATION_WAIVER, type AcceptanceRecord } from '../publish/acceptance.js';
import { inline } from '../render/escape.js';

export interface ConfigChange {
  path: string;
  /** Why the proposed file is invalid (every review after the merge would fail on it), or null. */
  invalid: string | null;
  comparison: ConfigComparison;
  /** The relaxation as a waiver pending approval, identified by both texts; null when it relaxes nothing. */
  waiver: SuppressionOutcome | null;
}

/** The change `changed` makes to the configuration at `path` (read at `headSha`), or null when it makes none. */
export async function readConfigChange(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  path: string,
  inForce: { text: string | null; config: Config },
  changed: PullFile[],
): Promise<ConfigChange | null> {
  if (!changed.some((f) => f.filename === path || f.previousFilename === path)) return null;
  // removed or renamed away: the defaults apply after the merge
  const text = await readConfigText(client, repo, headSha, path);
  let proposed: Config;
  try {
    proposed = text === null ? DEFAULT_CONFIG : parseConfig(text, path);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { path, invalid: e.message, comparison: { relaxed: [], otherwise: [] }, waiver: null };
  }
  const comparison = compareConfigs(inForce.config, proposed);
  if (!comparison.relaxed.length) return { path, invalid: null, comparison, waiver: null };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(['configuration', path, inForce.text, text]))
    .digest('hex')
    .slice(0, 32);
  const keys = comparison.relaxed.map((r) => /^`([\w.]+)`/.exec(r)![1]!);
  return {
    path,
    invalid: null,
    comparison,
    waiver: { file: path, line: 1, rule: CONFIGURATION_WAIVER, reason: `relaxes ${keys.join(', ')}`, fingerprint, state: 'pending', findings: [] },
  };
}

/** The check summary's section on the change. `state`: its relaxation is `pending` approval (and
 * the check `fails` meanwhile), or was `accepted` as `records` tell, or is not governed here (a
 * merge group: the approval was the pull request's). */
export function configSection(
  change: ConfigChange,
  defaultBranch: string,
  state: { pending: boolean; fails: boolean; records: readonly AcceptanceRecord[]; unread: string | null } | null,
): string {
  const out = [
    '',
    '### Configuration changed by this pull request',
    '',
    `This pull request changes \`${change.path}\`. sg-review reads its configuration from the default branch (\`${inline(defaultBranch)}\`): this review used that one, and the change takes effect after the merge, for every later pull request.`,
  ];
  if (change.invalid)
    out.push('', `The configuration it proposes is invalid, so every review after the merge would end "invalid configuration": ${inline(change.invalid)}`);
  else if (change.comparison.relaxed.length) {
    out.push('', `Compared with \`${inline(defaultBranch)}\`'s, it relaxes the review:`, '', ...change.comparison.relaxed.map((r) => `- ${r}`));
    const by = change.waiver && state?.records.findLast((r) => r.suppressions.some((x) => x.fingerprint === change.waiver!.fingerprint));
    if (state?.pending)
      out.push(
        '',
        `Pending approval: a required check that a pull request can weaken deserves a person's approval. An approver — not the pull request's author — accepts the change by commenting \`/sg-review accept\`; the acceptance holds until either configuration changes.${state.fails ? ' Until then the check fails.' : ''}`,
        ...(state.unread ? ['', state.unread] : []),
      );
    else if (by) out.push('', `Accepted by @${by.by} on ${by.at.replace('T', ' ').slice(0, 16)} UTC at \`${by.head.slice(0, 12)}\`.`);
  } else out.push('', `Compared with \`${inline(defaultBranch)}\`'s, it relaxes nothing.`);
  if (change.comparison.otherwise.length) out.push('', `Its other changes: ${change.comparison.otherwise.map((k) => `\`${k}\``).join(', ')}.`);
  return out.join('\n');
}
