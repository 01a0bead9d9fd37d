// The check run `sg-review` on the head SHA: created in progress, completed with a conclusion.
import { RERUN_ACTION, type Annotation } from '../publish/check-output.js';
import { CHECK_NAME } from '../publish/limits.js';
import type { Octokit, RepoRef } from './types.js';

export type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled';

export async function createCheckRun(octokit: Octokit, repo: RepoRef, headSha: string, externalId: string): Promise<number> {
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
export async function addAnnotations(
  octokit: Octokit,
  repo: RepoRef,
  checkRunId: number,
  title: string,
  summary: string,
  annotations: Annotation[],
): Promise<void> {
  await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, output: { title, summary, annotations } });
}

export async function completeCheckRun(
  octokit: Octokit,
  repo: RepoRef,
  checkRunId: number,
  outcome: { conclusion: Conclusion; title: string; summary: string; annotations?: Annotation[]; rerunAction?: boolean },
): Promise<void> {
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: outcome.conclusion,
    completed_at: new Date().toISOString(),
    output: { title: outcome.title, summary: outcome.summary, ...(outcome.annotations?.length ? { annotations: outcome.annotations } : {}) },
    ...(outcome.rerunAction ? { actions: [RERUN_ACTION] } : {}),
  });
}

/** The PR number a check run was created for (fork PRs' check payloads carry no PR). */
export async function findPullNumberForSha(octokit: Octokit, repo: RepoRef, sha: string): Promise<number | null> {
  const { data } = await octokit.rest.checks.listForRef({ ...repo, ref: sha, check_name: CHECK_NAME, per_page: 1 });
  const id = data.check_runs[0]?.external_id;
  return id && /^\d+$/.test(id) ? Number(id) : null;
}
