// One review of a pull request (or merge group), from check run to published result. The App,
// `sg-review pr` and the GitHub Action all run this, each with its own GitHub client; the CLI and the
// Action may send the check elsewhere (deps.check) and read the head from a checkout.
//   1. create the check run `sg-review` in progress on the head SHA
//   2. read the configuration from the default branch
//   3. list the changed files; no Terraform change: conclude success at once
//   4. find the merge base
//   5. read the touched directories, and the local modules they call, at both revisions;
//      then the registry and GitHub modules they call (cached per module version)
//   6. run the engine, on a worker thread (adapters/review-worker.ts)
//   7. publish: annotations, one review with the new line comments, resolved stale threads,
//      then the conclusion
// Any failure after step 1 concludes the check run with `on_error` and the reason.
import type { Logger } from 'probot';
import { reviewInWorker } from '../adapters/review-worker.js';
import { parseConfig } from '../config/load.js';
import { filterPaths, pathFilter } from '../config/paths.js';
import { ConfigError, DEFAULT_CONFIG, validateConfig, type Config } from '../config/schema.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import type { ModuleResolutions } from '../engine/modules/resolution.js';
import { isTerraformFile } from '../engine/load.js';
import type { ReviewResult } from '../engine/result.js';
import { checkRunSink, type ResumedCheckRun } from '../github/check-run.js';
import { getPull } from '../github/command.js';
import { CONFIG_PATH, readConfigText } from '../github/config.js';
import { COMPARE_FILE_LIMIT, compareFiles, listPullFiles, mergeBase, type PullFile } from '../github/pull-files.js';
import { listBotComments, postReview, resolveThreads } from '../github/review.js';
import { githubTrees, type TreeReader } from '../github/trees.js';
import type { GitHubClient, RepoRef } from '../github/types.js';
import { commentableHunks, type Hunk } from '../publish/anchors.js';
import { annotationBatches, annotations, checkSummary, checkTitle } from '../publish/check-output.js';
import type { CheckOutcome, CheckSink, Conclusion } from '../publish/check-sink.js';
import { fingerprintOf, marker, planComments } from '../publish/review-comments.js';
import { recordConclusion, recordFindings } from './metrics.js';
import { runKey, type RunRegistry } from './runs.js';
import { governSuppressions, type AcceptRequest } from './acceptance.js';
import { readModulesForReview } from './module-reads.js';
import { calledModuleDirs, dirOf, includedDirectories, isBelow, isModuleLike, touchedDirectories, unitAncestors } from './scope.js';

export interface ReviewTarget {
  repo: RepoRef;
  defaultBranch: string;
  headSha: string;
  /** The base branch tip (PR) or the merge group's base SHA. */
  baseSha: string;
  /** Null for a merge group: no review comments then. */
  pullNumber: number | null;
  /** The PR's `changed_files`, to tell when GitHub's 3,000-file listing cap cut the list. */
  changedFiles?: number;
  /** An approver's `/sg-review accept`: record the pending suppressions of this head as accepted. */
  accept?: AcceptRequest;
}

export interface RunDeps {
  /** Every GitHub call goes through github/'s functions with this handle. */
  client: GitHubClient;
  log: Logger;
  registry: RunRegistry;
  /** Where the check goes; default a check run on the head SHA. */
  check?: CheckSink;
  /** How directories are read; default through the API (the CLI may read the head from a checkout). */
  trees?: TreeReader;
  /** The configuration file on the default branch; default `.github/sg-review.yml`. */
  configPath?: string;
  /** Settings given by the caller (CLI flags, Action inputs) over the configuration file. */
  overrides?: Partial<Pick<Config, 'fail_on' | 'review_comments'>>;
  /** Why the token cannot comment (a fork PR's read-only token): no review, this line in the summary. */
  readOnly?: string;
  /** A queued job's check run: the one an earlier attempt created, and where to keep a new one's id. */
  checkRun?: ResumedCheckRun;
  /** Modules `terraform init` installed in a checkout of the head (`pr --local`), for each revision. */
  localModules?: (
    base: SourceFile[],
    head: SourceFile[],
  ) => Promise<{ files: SourceFile[]; base: ModuleResolutions['initCache']; head: ModuleResolutions['initCache'] }>;
  /** Errors the caller retries later (queued jobs): the check run stays in progress meanwhile. */
  retryable?: (e: unknown) => boolean;
}

export interface ReviewOutcome {
  kind: 'reviewed' | 'no-changes' | 'invalid-config' | 'superseded' | 'error';
  conclusion: Conclusion;
  title: string;
  summary: string;
  result: ReviewResult | null;
}

const MODULE_ROUNDS = 4;
/** How many directories the search for callers of a changed module reads at most. */
const MAX_CALLER_DIRS = 200;

export async function runReview(deps: RunDeps, target: ReviewTarget): Promise<ReviewOutcome> {
  const { client, registry } = deps;
  const trees = deps.trees ?? githubTrees(client, target.repo);
  const { repo } = target;
  const key = runKey(repo, target.pullNumber, target.headSha);
  const log = deps.log.child({ repository: `${repo.owner}/${repo.repo}`, pull: target.pullNumber, headSha: target.headSha });
  const started = Date.now();
  const check =
    deps.check ??
    checkRunSink(client, repo, target.headSha, target.pullNumber ? String(target.pullNumber) : `merge-group:${target.headSha}`, log, deps.checkRun);
  await check.start();
  const seq = await registry.begin(key, target.headSha);
  // "Latest" is the PR's current head on GitHub, not the order webhooks arrived in: an older
  // push delivered late must neither post its result nor supersede the head's run.
  const stillCurrent = async () =>
    (await registry.isLatestRunOfHead(key, target.headSha, seq)) &&
    (target.pullNumber === null ||
      !(await registry.sawOtherHeads(key, target.headSha)) ||
      (await getPull(client, repo, target.pullNumber)).headSha === target.headSha);
  let config: Config = DEFAULT_CONFIG;
  let outcome: ReviewOutcome | null = null;
  const notes: string[] = deps.readOnly ? [deps.readOnly] : [];
  // concluded only once GitHub accepted it: a failed final update is concluded again by onError
  const conclude: Conclude = async (conclusion, title, summary, extra = {}, kind = 'reviewed', result = null) => {
    if (outcome) return;
    await check.complete({ conclusion, title, summary, ...extra });
    outcome = { kind, conclusion, title, summary, result };
    recordConclusion(conclusion, (Date.now() - started) / 1000, kind === 'error');
  };
  const onError = (reason: string) =>
    conclude(
      config.on_error === 'success' ? 'success' : config.on_error === 'neutral' ? 'neutral' : 'failure',
      'sg-review could not complete',
      reason,
      { rerunAction: true },
      'error',
    );

  const work = (async () => {
    try {
      // 2. configuration from the default branch
      const configPath = deps.configPath ?? CONFIG_PATH;
      const configText = await readConfigText(client, repo, target.defaultBranch, configPath);
      try {
        config = configText === null ? DEFAULT_CONFIG : parseConfig(configText, configPath);
        if (deps.overrides) config = validateConfig({ ...config, ...deps.overrides }, 'the settings given to sg-review');
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        log.warn({ error: e.message }, 'invalid configuration');
        await conclude(
          'failure',
          'sg-review: invalid configuration',
          `The configuration \`${configPath}\` on \`${target.defaultBranch}\` is invalid:\n\n${e.message}\n\nFix the file on the default branch; see the configuration reference in the README.`,
          {},
          'invalid-config',
        );
        return;
      }
      // 3. changed files
      let changed: PullFile[];
      let mergeBaseSha: string;
      // GitHub's 3,000-file listing cap cut the list: the Terraform changes may be beyond it
      let unlisted = false;
      if (target.pullNumber !== null) {
        changed = await listPullFiles(client, repo, target.pullNumber);
        if (target.changedFiles && changed.length < target.changedFiles) {
          unlisted = true;
          notes.push(
            `GitHub lists at most 3,000 files of a pull request (${changed.length} of ${target.changedFiles} listed): every Terraform directory at the merge base and at the head was analysed.`,
          );
        }
        changed = changed.filter(inScope(config));
        if (!unlisted && !touchedDirectories(changed).length) {
          await conclude(
            'success',
            'sg-review: no Terraform changes',
            'This pull request changes no Terraform file in scope, so there is nothing to review.',
            {},
            'no-changes',
          );
          return;
        }
        // 4. the merge base
        mergeBaseSha = await mergeBase(client, repo, target.baseSha, target.headSha);
      } else {
        const comparison = await compareFiles(client, repo, target.baseSha, target.headSha);
        mergeBaseSha = comparison.mergeBase;
        changed = comparison.files.filter(inScope(config));
        const cut = `GitHub's compare lists at most ${COMPARE_FILE_LIMIT} files and this merge group changes ${comparison.files.length} or more: Terraform changes past them are not reviewed.`;
        if (comparison.truncated) notes.push(cut);
        if (!touchedDirectories(changed).length && comparison.truncated) {
          // a cut list that shows no Terraform proves nothing: never a silent pass
          await conclude(config.on_error, 'sg-review: file list cut by GitHub', cut);
          return;
        }
        if (!touchedDirectories(changed).length) {
          await conclude('success', 'sg-review: no Terraform changes', 'This merge group changes no Terraform file in scope.', {}, 'no-changes');
          return;
        }
      }
      // 5. read the directories at both revisions, following local module calls
      let dirs = touchedDirectories(changed);
      if (unlisted) {
        const all = [...(await trees.terraformDirs(mergeBaseSha)), ...(await trees.terraformDirs(target.headSha))];
        dirs = [...new Set([...dirs, ...all])].sort();
      }
      const { base, head, allDirs } = await readBothRevisions(trees, mergeBaseSha, target.headSha, dirs, includedDirectories(changed), notes);
      // 6. the engine
      // registry and GitHub module sources, read with this installation's token
      const modules = await readModulesForReview(client, repo, [...base, ...head], config.modules);
      const local = (await deps.localModules?.(base, head)) ?? { files: [], base: new Map(), head: new Map() };
      // on a worker thread: the event loop stays free for other webhooks and /ping
      let result = await reviewInWorker({
        base: [...filterPaths(base, config), ...modules.files, ...local.files],
        head: [...filterPaths(head, config), ...modules.files, ...local.files],
        config,
        modules: { base: { remote: modules.resolutions, initCache: local.base }, head: { remote: modules.resolutions, initCache: local.head } },
        options: {},
      });
      recordFindings(result.findings.length);
      log.info(
        { mergeBase: mergeBaseSha, directories: allDirs.length, files: head.length, findings: result.findings.length, ms: Date.now() - started },
        'analysed',
      );
      if (!(await stillCurrent())) {
        await conclude('neutral', 'sg-review: superseded', 'A newer run for this pull request replaced this one; its result is not posted.', {}, 'superseded');
        return;
      }
      // suppressions the PR adds: approvers' acceptances recorded on the PR, and a new one
      let suppressions = '';
      if (target.pullNumber !== null) {
        const governed = await governSuppressions(client, { ...target, pullNumber: target.pullNumber }, result, config.fail_on);
        result = governed.result;
        suppressions = governed.section;
      }
      // 7. publish
      await publish(deps, check, target, result, config, { base, head, changed, mergeBaseSha, allDirs, notes, suppressions }, stillCurrent, conclude);
    } catch (e) {
      if (deps.retryable?.(e)) throw e;
      const status = (e as { status?: number }).status;
      const message = e instanceof Error ? e.message : String(e);
      log.error({ status, error: message }, 'review failed');
      await onError(
        `The review failed: ${status ? `GitHub answered ${status}: ` : ''}${message}\n\nNothing was concluded about this change. Re-run the check, or comment \`/sg-review\` on the pull request.`,
      ).catch((err: Error) => log.error({ error: err.message }, 'could not conclude the check run'));
    }
  })();
  registry.track(seq, work, () => onError('sg-review was stopped (the server shut down) before the review finished. Re-run the check.'));
  await work;
  return outcome ?? { kind: 'error', conclusion: 'failure', title: 'sg-review could not complete', summary: 'The check could not be concluded.', result: null };
}

type Conclude = (
  conclusion: Conclusion,
  title: string,
  summary: string,
  extra?: Omit<CheckOutcome, 'conclusion' | 'title' | 'summary'>,
  kind?: ReviewOutcome['kind'],
  result?: ReviewResult | null,
) => Promise<void>;

/** Reads the touched directories at both revisions, the local modules they call, and, when a
 * touched directory is a module that nothing read so far calls, the directories that call it. */
/** A changed file is in scope when its path, or its path before a rename, is. */
function inScope(config: Config): (f: PullFile) => boolean {
  const matches = pathFilter(config);
  return (f) => matches(f.filename) || (f.previousFilename !== null && matches(f.previousFilename));
}

async function readBothRevisions(trees: TreeReader, baseSha: string, headSha: string, dirs: string[], included: string[], notes: string[]) {
  const base: SourceFile[] = [];
  const head: SourceFile[] = [];
  const seen = new Set<string>();
  const read = async (pending: string[]) => {
    for (let round = 0; round < MODULE_ROUNDS && pending.length; round++) {
      for (const d of pending) seen.add(d);
      const files = await trees.read([baseSha, headSha], pending);
      const b = files.get(baseSha)!;
      const h = files.get(headSha)!;
      base.push(...b);
      head.push(...h);
      pending = [...new Set([...calledModuleDirs(b), ...calledModuleDirs(h)])].filter((d) => !seen.has(d)).sort();
    }
  };
  await read(dirs);
  if (included.length) {
    // a changed file Terragrunt units may include: every unit below it is reviewed again
    const below = (await trees.terraformDirs(headSha)).filter((d) => !seen.has(d) && isBelow(d, included));
    if (below.length > MAX_CALLER_DIRS)
      notes.push(`${below.length} directories lie below the changed Terragrunt files; the first ${MAX_CALLER_DIRS} were reviewed.`);
    await read(below.slice(0, MAX_CALLER_DIRS));
  }
  // what the units include lives in the directories above them
  await read(unitAncestors([...base, ...head]).filter((d) => !seen.has(d)));
  const called = new Set([...calledModuleDirs(base), ...calledModuleDirs(head)]);
  const orphans = dirs.filter((d) => !called.has(d) && isModuleLike(head.filter((f) => dirOf(f.path) === d)));
  if (orphans.length) {
    // a changed module is reviewed through its callers, with their arguments
    const candidates = (await trees.terraformDirs(headSha)).filter((d) => !seen.has(d)).slice(0, MAX_CALLER_DIRS);
    const files = await trees.read([baseSha, headSha], candidates);
    const callers = candidates.filter((d) => {
      const inDir = [...files.get(baseSha)!, ...files.get(headSha)!].filter((f) => dirOf(f.path) === d);
      return calledModuleDirs(inDir).some((m) => orphans.includes(m));
    });
    for (const d of callers) seen.add(d);
    base.push(...files.get(baseSha)!.filter((f) => callers.includes(dirOf(f.path))));
    head.push(...files.get(headSha)!.filter((f) => callers.includes(dirOf(f.path))));
  }
  return { base, head, allDirs: [...seen].sort() };
}

async function publish(
  deps: RunDeps,
  check: CheckSink,
  target: ReviewTarget,
  result: ReviewResult,
  config: Config,
  scope: { base: SourceFile[]; head: SourceFile[]; changed: PullFile[]; mergeBaseSha: string; allDirs: string[]; notes: string[]; suppressions: string },
  stillCurrent: () => Promise<boolean>,
  conclude: Conclude,
): Promise<void> {
  const { client } = deps;
  const { repo } = target;
  const title = checkTitle(result);
  const summaryWith = (notes: string[]) =>
    checkSummary(result, {
      directories: scope.allDirs,
      baseSha: scope.mergeBaseSha,
      headSha: target.headSha,
      files: scope.head.length,
      notes,
      suppressions: scope.suppressions,
    });
  const notes = [...scope.notes];
  const annotated = annotations(result, config.max_annotations);
  if (annotated.omitted)
    notes.push(`\`max_annotations\` (${config.max_annotations}) reached: ${annotated.omitted} more findings are in the table above but not annotated.`);
  const batches = annotationBatches(annotated.list);
  for (const batch of batches.slice(0, -1)) await check.annotate(title, summaryWith(notes), batch);

  if (target.pullNumber !== null && config.review_comments && !deps.readOnly) {
    const baseByPath = new Map(scope.base.map((f) => [f.path, f.content]));
    const headByPath = new Map(scope.head.map((f) => [f.path, f.content]));
    const hunks = new Map<string, Hunk[]>();
    for (const f of scope.changed) {
      const head = headByPath.get(f.filename);
      if (head === undefined || !isTerraformFile(f.filename)) continue;
      hunks.set(f.filename, commentableHunks(baseByPath.get(f.previousFilename ?? f.filename) ?? null, head, f.patch));
    }
    const earlier = (await listBotComments(client, repo, target.pullNumber)).flatMap((c) => {
      const fingerprint = fingerprintOf(c.body);
      return fingerprint ? [{ id: c.id, fingerprint }] : [];
    });
    const plan = planComments({
      findings: result.findings,
      hunks,
      headContent: headByPath,
      alreadyCommented: new Set(earlier.map((c) => c.fingerprint)),
      trustedCidrs: config.trusted_cidrs,
      maxComments: config.max_review_comments,
    });
    const overLimit = plan.overLimit.length
      ? ` ${plan.overLimit.length} more new finding(s) on the lines of this pull request are in the check-run summary only (\`max_review_comments\`: ${config.max_review_comments}).`
      : '';
    if (overLimit) notes.push(overLimit.trim());
    if (!(await stillCurrent())) {
      await conclude('neutral', 'sg-review: superseded', 'A newer run for this pull request replaced this one; its result is not posted.', {}, 'superseded');
      return;
    }
    if (plan.comments.length) {
      const body = `sg-review: ${plan.comments.length} new finding(s) on the lines of this pull request, the most severe first.${overLimit} The check run \`sg-review\` has the full summary.`;
      await postReview(
        client,
        repo,
        target.pullNumber,
        target.headSha,
        body,
        plan.comments.map(({ fingerprint, ...c }) => ({ ...c, tail: marker(fingerprint) })),
      );
    }
    const current = new Set(result.findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
    const stale = earlier.filter((c) => !current.has(c.fingerprint)).map((c) => c.id);
    if (stale.length) await resolveThreads(client, repo, target.pullNumber, stale);
  }
  await conclude(result.conclusion, title, summaryWith(notes), { annotations: batches[batches.length - 1]!, rerunAction: true }, 'reviewed', result);
}
