// The slash command, first line of a pull-request comment, any case: `/sg-review` or
// `/sg-review run` re-runs on the PR's current head, `/sg-review accept` accepts the PR's
// pending suppressions (an approver, never the author) and re-runs, `/sg-review help` replies
// with usage. Whatever the command, only users with admin, maintain or write permission get an
// answer; anyone else gets one short reply per pull request, then a reaction. Bots (this app
// included) and plain issues are ignored.
import type { Context } from 'probot';
import { parseConfig } from '../../config/load.js';
import { ConfigError } from '../../config/schema.js';
import { getPull, permissionOf, react, reply } from '../../github/command.js';
import { CONFIG_PATH, readConfigText } from '../../github/config.js';
import { teamMembership } from '../../github/teams.js';
import type { GitHubClient } from '../../github/types.js';
import { approverVerdict } from '../approvers.js';
import type { CommandPolicy } from '../command-policy.js';
import type { Reviews } from '../dispatch.js';
import type { ReviewTarget } from '../review-target.js';

export type Command = { kind: 'run' } | { kind: 'accept' } | { kind: 'help' } | { kind: 'unknown'; word: string };

export function parseCommand(body: string): Command | null {
  const first = body.split('\n', 1)[0]!.trim().toLowerCase();
  const m = /^\/sg-review(?:\s+(\S+))?\s*$/.exec(first);
  if (!m) return null;
  const word = m[1] ?? 'run';
  if (word === 'run') return { kind: 'run' };
  if (word === 'help') return { kind: 'help' };
  if (word === 'accept') return { kind: 'accept' };
  return { kind: 'unknown', word };
}

export const HELP = [
  '**sg-review** commands (in a pull-request comment, on the first line):',
  '',
  '- `/sg-review` or `/sg-review run`: review the current head of this pull request again',
  '- `/sg-review accept`: accept the suppressions (`# sg-review:ignore`) this pull request adds, at its current head; for approvers (`suppression_approvers`, or write permission when it is not set), never the author',
  '- `/sg-review help`: this message',
  '',
  'Commands need write, maintain or admin permission on the repository.',
].join('\n');

const ALLOWED = new Set(['admin', 'maintain', 'write']);

export async function onComment(context: Context<'issue_comment.created'>, reviews: Reviews, policy: CommandPolicy): Promise<void> {
  const { comment, issue, sender } = context.payload;
  if (!issue.pull_request || sender.type === 'Bot' || context.isBot) return;
  const command = parseCommand(comment.body);
  if (!command) return;
  const repo = context.repo();
  const pullKey = `${repo.owner}/${repo.repo}#${issue.number}`;
  const permission = await policy.permission(pullKey, sender.login, () => permissionOf(reviews.github, repo, sender.login));
  if (!ALLOWED.has(permission)) {
    if (policy.firstRefusal(pullKey, sender.login))
      await reply(reviews.github, repo, issue.number, `@${sender.login} sg-review commands need write permission on this repository.`);
    else await react(reviews.github, repo, comment.id, 'confused');
    return;
  }
  if (command.kind === 'help') {
    await reply(reviews.github, repo, issue.number, HELP);
    return;
  }
  if (command.kind === 'unknown') {
    await reply(reviews.github, repo, issue.number, `Unknown command \`/sg-review ${command.word.replace(/`/g, '')}\`.\n\n${HELP}`);
    return;
  }
  const pull = await getPull(reviews.github, repo, issue.number);
  if (pull.state !== 'open') {
    await reply(
      reviews.github,
      repo,
      issue.number,
      `This pull request is ${pull.state}: sg-review reviews open pull requests only. Reopen it to review it again.`,
    );
    return;
  }
  const defaultBranch = context.payload.repository.default_branch;
  let accept: ReviewTarget['accept'];
  if (command.kind === 'accept') {
    const refusal = await acceptRefusal(context, reviews.github, defaultBranch, pull.author, permission);
    if (refusal) {
      await reply(reviews.github, repo, issue.number, `@${sender.login} ${refusal} Nothing was accepted.`);
      return;
    }
    accept = { by: sender.login, at: comment.created_at };
  }
  await react(reviews.github, repo, comment.id, 'eyes');
  await reviews.dispatch(context, {
    repo,
    defaultBranch,
    headSha: pull.headSha,
    baseSha: pull.baseSha,
    pullNumber: pull.number,
    ...(accept ? { accept } : {}),
  });
}

/** Why the sender may not accept this pull request's suppressions, or null when they may. */
async function acceptRefusal(
  context: Context<'issue_comment.created'>,
  github: GitHubClient,
  defaultBranch: string,
  author: string,
  permission: string,
): Promise<string | null> {
  const repo = context.repo();
  const text = await readConfigText(github, repo, defaultBranch);
  let approvers: readonly string[] | undefined;
  try {
    approvers = text === null ? undefined : parseConfig(text, CONFIG_PATH).suppression_approvers;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return `The configuration on \`${defaultBranch}\` is invalid, so its approvers are unknown: ${e.message}`;
  }
  const verdict = await approverVerdict({
    user: context.payload.sender.login,
    author,
    permission,
    approvers,
    membership: (org, team, user) => teamMembership(github, org, team, user),
  });
  return verdict.approved ? null : verdict.reason;
}
