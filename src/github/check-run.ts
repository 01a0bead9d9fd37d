// The check run `sg-review` on the head SHA: created in progress, completed with a conclusion,
// and never left in progress: the final update is retried, falls back to a short summary when
// GitHub refuses the full one, and earlier runs of the head still in progress are concluded by
// the next run.
import type { CheckOutcome, CheckSink } from '../publish/check-sink.js';
import { limitOutput, type CheckOutput } from './limits.js';
import { octokitOf, type Octokit } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

/** The check's name: what branch protection requires. */
export const CHECK_NAME = 'sg-review';
/** The button on a completed run that asks for a fresh review. */
export const RERUN_ACTION = { label: 'Re-run', description: 'Run sg-review again', identifier: 'rerun' };

/** Waits before each retry of the final update (GitHub 5xx, 429 or no answer), in ms:
 * CHECK_RUN_RETRY_MS="1000,5000,15000" by default. */
function retryDelays(): number[] {
  return (process.env['CHECK_RUN_RETRY_MS'] ?? '1000,5000,15000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n >= 0);
}

export async function createCheckRun(client: GitHubClient, repo: RepoRef, headSha: string, externalId: string): Promise<number> {
  const octokit = octokitOf(client);
  const { data } = await octokit.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: 'in_progress',
    external_id: externalId,
    started_at: new Date().toISOString(),
    output: { title: 'sg-review: analysing', summary: 'Reading the Terraform at the merge base and at the head…' },
  });
  return data.id;
}

/** Appends a batch of annotations while the run is in progress. */
export async function addAnnotations(client: GitHubClient, repo: RepoRef, checkRunId: number, output: CheckOutput): Promise<void> {
  const octokit = octokitOf(client);
  await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, output: limitOutput(output) });
}

function retryable(status: number | undefined): boolean {
  return status === undefined || status === 429 || status >= 500;
}

/** Completes the run. A 422 (GitHub refused the output) is answered with the conclusion and a
 * short summary; 5xx and network errors are retried after each of `retryMs`. */
export async function completeCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  outcome: CheckOutcome,
  retryMs: readonly number[] = retryDelays(),
): Promise<void> {
  const octokit = octokitOf(client);
  let output: CheckOutput = { title: outcome.title, summary: outcome.summary, ...(outcome.annotations ? { annotations: outcome.annotations } : {}) };
  let shortened = false;
  for (let attempt = 0; ; attempt++) {
    try {
      await octokit.rest.checks.update({
        ...repo,
        check_run_id: checkRunId,
        status: 'completed',
        conclusion: outcome.conclusion,
        completed_at: new Date().toISOString(),
        output: limitOutput(output),
        ...(outcome.rerunAction ? { actions: [RERUN_ACTION] } : {}),
      });
      return;
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 422 && !shortened) {
        shortened = true;
        output = {
          title: outcome.title,
          summary: `GitHub refused the full report of this run (HTTP 422: ${(e as Error).message}), so only its conclusion is shown. Re-run the check for the details.`,
        };
        attempt--;
        continue;
      }
      const wait = retryMs[attempt];
      if (!retryable(status) || wait === undefined) throw e;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Concludes this app's earlier `sg-review` runs of the head that are still in progress (a crash,
 * a SIGKILL or a failed final update left them). Only runs of the app that created `currentId`. */
export async function concludeStaleRuns(client: GitHubClient, repo: RepoRef, headSha: string, currentId: number): Promise<number> {
  const octokit = octokitOf(client);
  const { data } = await octokit.rest.checks.listForRef({ ...repo, ref: headSha, check_name: CHECK_NAME, status: 'in_progress', filter: 'all', per_page: 100 });
  const appId = data.check_runs.find((r) => r.id === currentId)?.app?.id;
  if (appId === undefined) return 0;
  const stale = data.check_runs.filter((r) => r.id !== currentId && r.status === 'in_progress' && r.app?.id === appId);
  for (const run of stale)
    await cancelRun(octokit, repo, run.id, {
      title: 'sg-review: replaced by a newer run',
      summary: 'This run stopped before it concluded (the server restarted or GitHub refused its last update). A newer run of the same commit replaces it.',
    });
  return stale.length;
}

/** Concludes a run left in progress `cancelled`, saying why. */
async function cancelRun(octokit: Octokit, repo: RepoRef, checkRunId: number, output: CheckOutput, rerunAction = false): Promise<void> {
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: 'cancelled',
    completed_at: new Date().toISOString(),
    output: limitOutput(output),
    ...(rerunAction ? { actions: [RERUN_ACTION] } : {}),
  });
}

/** The id of the GitHub App behind a client, read from its own credentials (no request); null
 * for a plain token (the CLI, the Action). */
export async function appIdOf(client: GitHubClient): Promise<number | null> {
  const auth = (await (octokitOf(client).auth as (options: { type: 'app' }) => Promise<unknown>)({ type: 'app' }).catch(() => null)) as {
    appId?: unknown;
  } | null;
  return typeof auth?.appId === 'number' ? auth.appId : null;
}

/** How many open pull requests the search for abandoned runs looks at (the most recently updated). */
const ABANDONED_SEARCH_PULLS = 100;

/**
 * Concludes this app's `sg-review` runs left in progress on the heads of the repository's open
 * pull requests by a process that is gone (crash, SIGKILL, deploy): those started before
 * `startedBefore`. Cancelled, with a Re-run button; required, a cancelled run blocks the merge.
 */
export async function concludeAbandonedRuns(client: GitHubClient, repo: RepoRef, appId: number, startedBefore: Date): Promise<number> {
  const octokit = octokitOf(client);
  const { data: pulls } = await octokit.rest.pulls.list({ ...repo, state: 'open', sort: 'updated', direction: 'desc', per_page: ABANDONED_SEARCH_PULLS });
  let concluded = 0;
  for (const sha of new Set(pulls.map((p) => p.head.sha))) {
    const { data } = await octokit.rest.checks.listForRef({ ...repo, ref: sha, check_name: CHECK_NAME, status: 'in_progress', app_id: appId, per_page: 100 });
    const abandoned = data.check_runs.filter(
      (r) => r.status === 'in_progress' && r.app?.id === appId && r.started_at !== null && Date.parse(r.started_at) < startedBefore.getTime(),
    );
    for (const run of abandoned) {
      const summary = `This run started at ${run.started_at} and was still in progress when sg-review restarted: the process running it stopped (a crash, a restart or a deploy), so nothing was concluded about this change. Re-run the check, or comment \`/sg-review\` on the pull request.`;
      await cancelRun(octokit, repo, run.id, { title: 'sg-review: stopped before it concluded', summary }, true);
      concluded++;
    }
  }
  return concluded;
}

/** The check as a check run named `sg-review` on the head SHA: created when the review starts,
 * and the earlier runs of the head still in progress are concluded. */
/** A check run an earlier attempt of a queued review created, and where to keep a new one's id. */
export interface ResumedCheckRun {
  id?: number;
  created?: (id: number) => Promise<void>;
}

export function checkRunSink(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  externalId: string,
  log: { warn: (o: object, msg: string) => void },
  resume: ResumedCheckRun = {},
): CheckSink {
  let id: number | null = null;
  const created = () => {
    if (id === null) throw new Error('the check run was not created');
    return id;
  };
  return {
    start: async () => {
      const current = resume.id ?? (await createCheckRun(client, repo, headSha, externalId));
      id = current;
      if (resume.id === undefined) await resume.created?.(current);
      await concludeStaleRuns(client, repo, headSha, current).catch((e: Error) => log.warn({ error: e.message }, 'could not conclude stale check runs'));
    },
    annotate: (title, summary, batch) => addAnnotations(client, repo, created(), { title, summary, annotations: batch }),
    complete: (outcome) => completeCheckRun(client, repo, created(), outcome),
  };
}

/** The PR number a check run was created for (fork PRs' check payloads carry no PR). */
export async function findPullNumberForSha(client: GitHubClient, repo: RepoRef, sha: string): Promise<number | null> {
  const octokit = octokitOf(client);
  const { data } = await octokit.rest.checks.listForRef({ ...repo, ref: sha, check_name: CHECK_NAME, per_page: 1 });
  const id = data.check_runs[0]?.external_id;
  return id && /^\d+$/.test(id) ? Number(id) : null;
}
