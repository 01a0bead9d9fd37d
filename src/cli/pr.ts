// `sg-review pr <owner>/<repo> <number>`: the App's review of one pull request, run from a
// terminal or CI with a token: the same orchestration and publishing code, an @octokit/rest
// client instead of Probot's.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { checkoutCommit, localHead } from '../adapters/checkout.js';
import { readCheckoutInitCaches } from '../adapters/module-dirs.js';
import { RunRegistry } from '../app/runs.js';
import { runReview, type RunDeps } from '../app/run-review.js';
import type { ReviewOutcome } from '../app/review-target.js';
import { SEVERITIES, type Severity } from '../config/schema.js';
import { checkRunSink } from '../github/check-run.js';
import { createClient } from '../github/client.js';
import { getPull } from '../github/command.js';
import { githubTrees } from '../github/trees.js';
import type { GitHubClient, RepoRef } from '../github/types.js';
import type { CheckSink } from '../publish/check-sink.js';
import { renderJson } from '../render/json.js';
import { renderSarif } from '../render/sarif.js';
import { UsageError, type CliIo } from './io.js';
import { packageVersion } from './version.js';

export const PR_USAGE = `  sg-review pr <owner>/<repo> <number> [--dry-run] [--local DIR] [--format markdown|json|sarif] [--fail-on SEVERITY] [--config PATH]
      GITHUB_TOKEN: the token; GITHUB_API_URL: GitHub Enterprise Server's API (default https://api.github.com)`;

/** A client for the CLI and the Action from the environment. */
export async function clientFromEnv(io: CliIo, token: string | undefined, dryRun: boolean): Promise<GitHubClient> {
  if (!token && !dryRun) throw new UsageError('set GITHUB_TOKEN to a token that may read the repository (and write checks and pull requests)');
  return createClient({
    token: token ?? '',
    ...(io.env?.['GITHUB_API_URL'] ? { baseUrl: io.env['GITHUB_API_URL'] } : {}),
    userAgent: `sg-review/${await packageVersion()}`,
    ...(dryRun ? { dryRun: (line: string) => io.stdout(`${line}\n`) } : {}),
    ...(io.retryBaseMs !== undefined ? { retryBaseMs: io.retryBaseMs } : {}),
  });
}

export function cliLog(io: CliIo): RunDeps['log'] {
  return pino({ name: 'sg-review', level: io.env?.['LOG_LEVEL'] ?? 'warn' }, pino.destination({ dest: 2, sync: true }));
}

/** Reads the head from a checkout, which must be at the head commit. */
export async function localTrees(client: GitHubClient, repo: RepoRef, dir: string, headSha: string) {
  const at = await checkoutCommit(dir);
  if (at !== headSha) return { trees: null, at };
  return { trees: localHead(githubTrees(client, repo), dir, headSha), at };
}

const NO_CHECK: CheckSink = { start: async () => {}, annotate: async () => {}, complete: async () => {} };

/** The started check run; without one (the token may not write: 403) the result is only printed. */
async function startCheck(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  pullNumber: number,
  log: RunDeps['log'],
): Promise<{ check: CheckSink; readOnly?: string }> {
  const run = checkRunSink(client, repo, headSha, String(pullNumber), log);
  try {
    await run.start();
  } catch (e) {
    if ((e as { status?: number }).status !== 403) throw e;
    return {
      check: NO_CHECK,
      readOnly: 'No check run and no review comments: the token may not write to this repository (GitHub answered 403), so the result is printed only.',
    };
  }
  return { check: { ...run, start: async () => {} } };
}

/** 0 success, 1 failure, 2 when the review could not run (GitHub error, invalid config). */
export function exitCode(outcome: ReviewOutcome): number {
  if (outcome.kind === 'error' || outcome.kind === 'invalid-config') return 2;
  return outcome.conclusion === 'failure' ? 1 : 0;
}

export async function prCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      local: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
    },
  });
  const [slug, number] = positionals;
  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(slug ?? '');
  if (positionals.length !== 2 || !m || !/^\d+$/.test(number ?? '')) throw new UsageError('pr takes <owner>/<repo> and a pull request number');
  const format = values.format!;
  if (!['markdown', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format "${format}"`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && ![...SEVERITIES, 'never'].includes(failOn)) throw new UsageError(`--fail-on: unknown severity "${failOn}"`);
  const repo = { owner: m[1]!, repo: m[2]! };
  const client = await clientFromEnv(io, io.env?.['GITHUB_TOKEN'], values['dry-run']!);
  const pull = await getPull(client, repo, Number(number));
  let trees;
  let localModules: RunDeps['localModules'];
  if (values.local !== undefined) {
    const dir = resolve(io.cwd, values.local);
    localModules = (base, head) => readCheckoutInitCaches(dir, base, head);
    const local = await localTrees(client, repo, dir, pull.headSha);
    if (!local.trees)
      throw new UsageError(`--local ${values.local}: the checkout is at ${local.at ?? 'no commit'}, not at the pull request's head ${pull.headSha}`);
    trees = local.trees;
  }
  const log = cliLog(io);
  const { check, readOnly } = await startCheck(client, repo, pull.headSha, pull.number, log);
  const outcome = await runReview(
    {
      client,
      check,
      ...(readOnly ? { readOnly } : {}),
      log,
      registry: new RunRegistry(),
      ...(trees ? { trees } : {}),
      ...(localModules ? { localModules } : {}),
      ...(values.config ? { configPath: values.config } : {}),
      ...(failOn ? { overrides: { fail_on: failOn as Severity | 'never' } } : {}),
    },
    { repo, defaultBranch: pull.defaultBranch, headSha: pull.headSha, baseSha: pull.baseSha, pullNumber: pull.number, changedFiles: pull.changedFiles },
  );
  if (format === 'markdown' || !outcome.result) io.stdout(`${outcome.summary}\n`);
  else io.stdout(format === 'json' ? renderJson(outcome.result) : renderSarif(outcome.result, await packageVersion()));
  return exitCode(outcome);
}
