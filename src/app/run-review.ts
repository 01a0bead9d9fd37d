// One review of a pull request (or merge group), from check run to published result. The App,
// `sg-review pr` and the GitHub Action all run this, each with its own GitHub client; the CLI and the
// Action may send the check elsewhere (deps.check) and read the head from a checkout.
//   1. create the check run `sg-review` in progress on the head SHA
//   2. read the configuration from the default branch
//   3. list the changed files; no Terraform change: conclude success at once
//   4. find the merge base
//   5. read the touched directories, and the local modules they call, at both revisions
//      (read-revisions.ts); then the registry and GitHub modules they call (cached per
//      module version)
//   6. run the engine, on a worker thread (adapters/review-worker.ts)
//   7. publish (publish-review.ts): annotations, one review with the new line comments,
//      resolved stale threads, then the conclusion
// Any failure after step 1 concludes the check run with `on_error` and the reason.
import type { Logger } from 'probot';
import { reviewInWorker } from '../adapters/review-worker.js';
import { ModuleBudget, moduleBounds } from '../adapters/remote-modules.js';
import { parseConfig } from '../config/load.js';
import { pathFilter } from '../config/paths.js';
import { ConfigError, DEFAULT_CONFIG, validateConfig, type Config } from '../config/schema.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import type { ModuleResolutions } from '../engine/modules/resolution.js';
import { checkRunSink, type ResumedCheckRun } from '../github/check-run.js';
import { getPull } from '../github/command.js';
import { CONFIG_PATH, readConfigText } from '../github/config.js';
import { COMPARE_FILE_LIMIT, compareFiles, listPullFiles, mergeBase, type PullFile } from '../github/pull-files.js';
import { githubTrees, type TreeReader } from '../github/trees.js';
import type { GitHubClient } from '../github/types.js';
import type { CheckSink } from '../publish/check-sink.js';
import { recordConclusion, recordFindings } from './metrics.js';
import { runKey, type RunRegistry } from './runs.js';
import { governSuppressions } from './acceptance.js';
import { readModulesForReview } from './module-reads.js';
import { includedFiles, inScopeWithModules, linkingDirectories, touchedDirectories } from './scope.js';
import { publishReview, type Conclude } from './publish-review.js';
import type { ReviewOutcome, ReviewTarget } from './review-target.js';
import { readBothRevisions, readBounds } from './read-revisions.js';
import { dataReadingDirectories, readDataFiles, type DataReaders } from './data-reads.js';
import { isVarFile } from '../engine/evaluate/var-files.js';
import { withSubmodules } from './submodules.js';
import { configSection, readConfigChange, type ConfigChange } from './config-change.js';
import { moduleReadGate } from './module-visibility.js';
import { isManifest, readCommittedInitCaches } from './init-caches.js';

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

export async function runReview(deps: RunDeps, target: ReviewTarget): Promise<ReviewOutcome> {
  const { client, registry } = deps;
  const reader = deps.trees ?? githubTrees(client, target.repo);
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
  // the configuration file's, before the caller's settings: what a change to the file is compared with
  let inForce: { text: string | null; config: Config } = { text: null, config };
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
        inForce = { text: configText, config };
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
      // links followed as deep as the configuration allows
      let trees: TreeReader = { ...reader, read: (shas, dirs) => reader.read(shas, dirs, config.max_link_hops) };
      // 3. changed files
      let changed: PullFile[];
      let mergeBaseSha: string;
      // GitHub's 3,000-file listing cap cut the list: the Terraform changes may be beyond it
      let unlisted = false;
      // directories whose links lead into a changed file (every file: a link's target may lie out of scope or have any name)
      let linking: string[] = [];
      // directories whose configuration reads a changed file through file()
      let reading: DataReaders = { dirs: [], included: [], limits: [] };
      // the head's git submodules (read below at the commit each revision records), and those
      // the change bumps: a changed module of the directories calling it
      // (after the listing of the head the links are looked up in, which gives them)
      let submodules: string[] = [];
      let bumped: string[] = [];
      // a change to the configuration file: reviewed (what it relaxes) even with no Terraform change
      let configChange: ConfigChange | null = null;
      const bumpedIn = async (files: PullFile[]) => {
        submodules = (await trees.gitlinks?.(target.headSha)) ?? [];
        return submodules.filter((p) => files.some((f) => f.filename === p || f.previousFilename === p));
      };
      if (target.pullNumber !== null) {
        changed = await listPullFiles(client, repo, target.pullNumber);
        if (target.changedFiles && changed.length < target.changedFiles) {
          unlisted = true;
          notes.push(
            `GitHub lists at most 3,000 files of a pull request (${changed.length} of ${target.changedFiles} listed): every Terraform directory at the merge base and at the head was analysed.`,
          );
        }
        if (!unlisted) linking = await linkingDirectories(trees, target.headSha, changed, pathFilter(config), notes, config.max_link_hops);
        // directories reading a changed file that is not Terraform's, in scope or not
        if (!unlisted) reading = await dataReadingDirectories(trees, target.headSha, changed, config.max_caller_dirs, config.var_files);
        bumped = await bumpedIn(changed);
        configChange = await readConfigChange(client, repo, target.headSha, configPath, inForce, changed);
        // an ignored file stays in the change: it may be a module an in-scope root calls
        if (!unlisted && !touchedDirectories(changed).length && !linking.length && !reading.dirs.length && !bumped.length && !configChange) {
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
        linking = await linkingDirectories(trees, target.headSha, comparison.files, pathFilter(config), notes, config.max_link_hops);
        reading = await dataReadingDirectories(trees, target.headSha, comparison.files, config.max_caller_dirs, config.var_files);
        changed = comparison.files;
        bumped = await bumpedIn(changed);
        configChange = await readConfigChange(client, repo, target.headSha, configPath, inForce, changed);
        const cut = `GitHub's compare lists at most ${COMPARE_FILE_LIMIT} files and this merge group changes ${comparison.files.length} or more: Terraform changes past them are not reviewed.`;
        if (comparison.truncated) notes.push(cut);
        const nothing = !touchedDirectories(changed).length && !linking.length && !reading.dirs.length && !bumped.length && !configChange;
        if (nothing && comparison.truncated) {
          // a cut list that shows no Terraform proves nothing: never a silent pass
          await conclude(config.on_error, 'sg-review: file list cut by GitHub', cut);
          return;
        }
        if (nothing) {
          await conclude('success', 'sg-review: no Terraform changes', 'This merge group changes no Terraform file in scope.', {}, 'no-changes');
          return;
        }
      }
      // module code is read only from repositories as visible as this one
      const gate = moduleReadGate(client, repo);
      // the modules: bounds cover submodules and remote modules together
      const moduleBudget = new ModuleBudget(moduleBounds(process.env, config.modules));
      trees = withSubmodules(trees, client, repo, submodules, gate, moduleBudget);
      // 5. read the directories at both revisions, following local module calls
      let dirs = [...new Set([...touchedDirectories(changed), ...linking, ...reading.dirs])].sort();
      if (unlisted) {
        const all = [...(await trees.terraformDirs(mergeBaseSha)), ...(await trees.terraformDirs(target.headSha))];
        dirs = [...new Set([...dirs, ...all])].sort();
      }
      const included = [...new Set([...includedFiles(changed), ...reading.included])].sort();
      const { base, head, allDirs, limits } = await readBothRevisions(trees, mergeBaseSha, target.headSha, dirs, included, readBounds(config), bumped);
      const rounds = config.max_module_depth + 1;
      const scoped = { base: inScopeWithModules(base, config, rounds), head: inScopeWithModules(head, config, rounds) };
      // the files the reviewed configuration reads through file(), whatever the path filters say
      // every var file under a root is read only when one changed: other reviews ask nothing more
      const dataSettings = {
        maxBytes: config.max_data_file_bytes,
        varFiles: config.var_files,
        changedVarFile: unlisted || changed.some((f) => isVarFile(f.filename) || (f.previousFilename !== null && isVarFile(f.previousFilename))),
      };
      const data = {
        base: await readDataFiles(trees, mergeBaseSha, scoped.base, dataSettings, notes),
        head: await readDataFiles(trees, target.headSha, scoped.head, dataSettings, []),
      };
      // the init caches committed in the directories read (what `terraform init` keeps on a checkout)
      const shas = { base: mergeBaseSha, head: target.headSha };
      const caches = await readCommittedInitCaches(
        trees,
        shas,
        { base, head },
        config.max_data_file_bytes,
        changed.some((f) => isManifest(f.filename)),
      );
      const manifests = [...caches.base.manifests, ...caches.head.manifests];
      if (
        !unlisted &&
        !linking.length &&
        !bumped.length &&
        !configChange &&
        !changesAny(changed, [...scoped.base, ...scoped.head, ...data.base, ...data.head, ...manifests])
      ) {
        const what = target.pullNumber !== null ? 'This pull request' : 'This merge group';
        await conclude(
          'success',
          'sg-review: no Terraform changes',
          `${what} changes no Terraform file in scope, so there is nothing to review.`,
          {},
          'no-changes',
        );
        return;
      }
      // 6. the engine
      // registry and GitHub module sources, read with this installation's token
      const modules = await readModulesForReview(client, repo, [...base, ...head], moduleBudget, gate);
      const local = (await deps.localModules?.(base, head)) ?? { files: [], base: new Map(), head: new Map() };
      // a checkout's own cache (`pr --local`) over the committed one; a directory read already is not read twice
      const cached = (files: SourceFile[], own: SourceFile[]) => files.filter((f) => !own.some((o) => o.path === f.path));
      // on a worker thread: the event loop stays free for other webhooks and /ping
      let result = await reviewInWorker({
        base: [...scoped.base, ...data.base, ...modules.files, ...local.files, ...cached(caches.base.files, [...scoped.base, ...local.files])],
        head: [...scoped.head, ...data.head, ...modules.files, ...local.files, ...cached(caches.head.files, [...scoped.head, ...local.files])],
        config,
        modules: {
          base: { remote: modules.resolutions, initCache: new Map([...caches.base.initCache, ...local.base]) },
          head: { remote: modules.resolutions, initCache: new Map([...caches.head.initCache, ...local.head]) },
        },
        options: { readLimits: [...reading.limits, ...limits] },
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
      // and a relaxed configuration, which waits for the same approval
      let suppressions = '';
      let pendingApproval = '';
      if (target.pullNumber !== null) {
        const waivers = configChange?.waiver ? [configChange.waiver] : [];
        const governed = await governSuppressions(client, { ...target, pullNumber: target.pullNumber }, result, config.fail_on, waivers);
        result = governed.result;
        suppressions = governed.section;
        const pending = governed.pendingWaivers.length > 0;
        const fails = pending && config.fail_on !== 'never';
        if (configChange)
          suppressions += configSection(configChange, target.defaultBranch, { pending, fails, records: governed.records, unread: governed.unread });
        if (pending) pendingApproval = 'configuration relaxed, pending approval';
        if (fails) result = { ...result, conclusion: 'failure' };
      } else if (configChange) suppressions = configSection(configChange, target.defaultBranch, null);
      // 7. publish
      await publishReview(
        deps,
        check,
        target,
        result,
        config,
        { base, head, changed, mergeBaseSha, allDirs, notes, suppressions, pendingApproval },
        stillCurrent,
        conclude,
      );
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

/** Whether the files a review reads hold a changed file (either side of a rename). */
function changesAny(changed: PullFile[], read: SourceFile[]): boolean {
  const paths = new Set(read.map((f) => f.path));
  return changed.some((f) => paths.has(f.filename) || (f.previousFilename !== null && paths.has(f.previousFilename)));
}
