// The slash command: `/sg-review` or `/sg-review run` re-runs on the PR's current head,
// `/sg-review help` replies with usage. First line only, any case. Accepted from users with
// admin, maintain or write permission; bots (this app included) and plain issues are ignored.
import type { Context } from 'probot';
import { getPull, permissionOf, react, reply } from '../../github/command.js';
import type { RunRegistry } from '../runs.js';
import { runReview } from '../run-review.js';

export type Command = { kind: 'run' } | { kind: 'help' } | { kind: 'unknown'; word: string };

export function parseCommand(body: string): Command | null {
  const first = body.split('\n', 1)[0]!.trim().toLowerCase();
  const m = /^\/sg-review(?:\s+(\S+))?\s*$/.exec(first);
  if (!m) return null;
  const word = m[1] ?? 'run';
  if (word === 'run') return { kind: 'run' };
  if (word === 'help') return { kind: 'help' };
  return { kind: 'unknown', word };
}

export const HELP = [
  '**sg-review** commands (in a pull-request comment, on the first line):',
  '',
  '- `/sg-review` or `/sg-review run`: review the current head of this pull request again',
  '- `/sg-review help`: this message',
  '',
  'Re-running needs write, maintain or admin permission on the repository.',
].join('\n');

const ALLOWED = new Set(['admin', 'maintain', 'write']);

export async function onComment(context: Context<'issue_comment.created'>, registry: RunRegistry): Promise<void> {
  const { comment, issue, sender } = context.payload;
  if (!issue.pull_request || sender.type === 'Bot' || context.isBot) return;
  const command = parseCommand(comment.body);
  if (!command) return;
  const repo = context.repo();
  if (command.kind === 'help') {
    await reply(context.octokit, repo, issue.number, HELP);
    return;
  }
  if (command.kind === 'unknown') {
    await reply(context.octokit, repo, issue.number, `Unknown command \`/sg-review ${command.word}\`.\n\n${HELP}`);
    return;
  }
  const permission = await permissionOf(context.octokit, repo, sender.login);
  if (!ALLOWED.has(permission)) {
    await reply(context.octokit, repo, issue.number, `@${sender.login} \`/sg-review\` needs write permission on this repository (you have \`${permission}\`).`);
    return;
  }
  await react(context.octokit, repo, comment.id, 'eyes');
  const pull = await getPull(context.octokit, repo, issue.number);
  await runReview(
    { octokit: context.octokit, log: context.log, registry },
    { repo, defaultBranch: context.payload.repository.default_branch, headSha: pull.headSha, baseSha: pull.baseSha, pullNumber: pull.number },
  );
}
