// The GitHub Action (action.yml): the App's review of the workflow's pull request, published
// into the job (summary, annotations, outputs, exit code) plus one review with line comments
// when the token may write. A fork PR's token is read-only: then no review, and one line says why.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RunRegistry } from '../app/runs.js';
import { runReview, type RunDeps } from '../app/run-review.js';
import { UsageError, type CliIo } from '../cli/io.js';
import { cliLog, clientFromEnv, exitCode, localTrees } from '../cli/pr.js';
import { packageVersion } from '../cli/version.js';
import { SEVERITIES, type Severity } from '../config/schema.js';
import { renderSarif } from '../render/sarif.js';
import { escapeData, jobSink, writeOutputs } from './job.js';

export const FORK_NOTE =
  'No review comments: this pull request comes from a fork, and GitHub gives its workflows a read-only token. The findings are in this summary and in the annotations.';

interface PullRequestEvent {
  pull_request: { number: number; changed_files?: number; head: { sha: string; repo: { full_name: string } | null }; base: { sha: string } };
  repository: { name: string; full_name: string; default_branch: string; owner: { login: string } };
}

/** An input as the runner passes it: INPUT_<NAME> with spaces as underscores, upper case. */
function inputs(env: Record<string, string | undefined>) {
  return (name: string) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export async function runAction(io: CliIo): Promise<number> {
  const env = io.env ?? {};
  const input = inputs(env);
  try {
    const event = env['GITHUB_EVENT_NAME'];
    if (event !== 'pull_request' && event !== 'pull_request_target')
      throw new UsageError(`sg-review reviews pull requests: run it on pull_request (this workflow runs on ${event ?? 'an unknown event'})`);
    const payload = JSON.parse(await readFile(env['GITHUB_EVENT_PATH'] ?? '', 'utf8')) as PullRequestEvent;
    const pr = payload.pull_request;
    const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
    const comment = input('comment') || 'on';
    if (comment !== 'on' && comment !== 'off') throw new UsageError(`input comment: "on" or "off", not "${comment}"`);
    const failOn = input('fail-on');
    if (failOn && ![...SEVERITIES, 'never'].includes(failOn)) throw new UsageError(`input fail-on: unknown severity "${failOn}"`);
    // a fork PR's pull_request workflow gets a read-only token (pull_request_target gets a write one)
    const fork = event === 'pull_request' && pr.head.repo?.full_name !== payload.repository.full_name;
    const client = await clientFromEnv(io, input('github-token') || env['GITHUB_TOKEN'], false);
    const workspace = env['GITHUB_WORKSPACE'] ?? io.cwd;
    const checkout = resolve(workspace, input('working-directory') || '.');
    const local = await localTrees(client, repo, checkout, pr.head.sha);
    if (!local.trees)
      io.stdout(
        `sg-review: the head is read through the API: the checkout is at ${local.at ?? 'no commit'}, not at the head ${pr.head.sha} (check out ref: the pull request's head.sha to use .terraform/modules)\n`,
      );
    const overrides: RunDeps['overrides'] = {
      ...(failOn ? { fail_on: failOn as Severity | 'never' } : {}),
      ...(comment === 'off' ? { review_comments: false } : {}),
    };
    const outcome = await runReview(
      {
        client,
        log: cliLog(io),
        registry: new RunRegistry(),
        check: jobSink(io.stdout, env['GITHUB_STEP_SUMMARY']),
        overrides,
        ...(local.trees ? { trees: local.trees } : {}),
        ...(input('config') ? { configPath: input('config') } : {}),
        ...(fork ? { readOnly: FORK_NOTE } : {}),
      },
      {
        repo,
        defaultBranch: payload.repository.default_branch,
        headSha: pr.head.sha,
        baseSha: pr.base.sha,
        pullNumber: pr.number,
        ...(pr.changed_files ? { changedFiles: pr.changed_files } : {}),
      },
    );
    if (fork) io.stdout(`sg-review: ${FORK_NOTE}\n`);
    const sarifFile = input('sarif-file');
    if (sarifFile) await writeFile(resolve(workspace, sarifFile), renderSarif(outcome.result ?? { findings: [] }, await packageVersion()));
    const findings = outcome.result?.findings.filter((f) => !f.suppressed).length ?? 0;
    await writeOutputs(env['GITHUB_OUTPUT'], { conclusion: outcome.conclusion, findings: String(findings), 'sarif-file': sarifFile });
    return exitCode(outcome);
  } catch (e) {
    const message = e instanceof UsageError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    io.stdout(`::error title=sg-review::${escapeData(message)}\n`);
    return 2;
  }
}
