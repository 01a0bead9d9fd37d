import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataFilesBelow, readTerraformTree } from '../adapters/files.js';
import { createWorkerParser, parserForReview } from '../adapters/parse-workers.js';
import { isConfigFile } from '../engine/hcl/config-files.js';
import { FileParser } from '../engine/hcl/parse.js';
import { loadModel } from '../engine/load.js';
import { Budget, type LimitHit } from '../engine/evaluate/limits.js';
import { limitsOf } from '../engine/settings.js';
import { renderModelJson } from '../render/model-json.js';
import { renderModelText } from '../render/model-text.js';
import { readFile } from 'node:fs/promises';
import { gitMergeBase, readGitDataFiles, readGitTree } from '../adapters/git.js';
import { readInitCaches, readOutsideModules } from '../adapters/module-dirs.js';
import { RegistryClient, registryUrlsFromEnv } from '../adapters/module-registry.js';
import { RemoteModuleCache, moduleBounds, readRemoteModules, type ConfiguredModuleBounds } from '../adapters/remote-modules.js';
import { tokenModuleReader } from '../github/module-files.js';
import type { ModuleResolutions } from '../engine/modules/resolution.js';
import { parseConfig } from '../config/load.js';
import { ConfigError, DEFAULT_CONFIG, validateConfig, type Config } from '../config/schema.js';
import { inScopeWithModules } from '../app/scope.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import { reviewFiles } from '../engine/review-files.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderSarif } from '../render/sarif.js';
import { UsageError, type CliIo } from './io.js';
import { PR_USAGE, prCommand } from './pr.js';
import { scopeToChange, type DataReader } from './scope.js';
import { filesFromTop, initCacheFromTop, placeInTree } from './tree-top.js';
import { packageVersion } from './version.js';

const USAGE = `usage:
  sg-review diff <base-dir> <head-dir> [--format markdown|json|sarif] [--config FILE] [--fail-on SEVERITY] [--accept-suppressions]
  sg-review diff --git <base-ref> <head-ref> [--repo DIR] [...]
  sg-review scan <dir> [...]            everything, as if the base were empty
  sg-review model <dir> [--format json|text] [--config FILE]
  --fetch-modules                       read registry and GitHub module sources over the network
                                        (token from GITHUB_TOKEN; offline by default: local modules
                                        and the .terraform/modules init cache only)
${PR_USAGE}
  sg-review --version
exit codes: 0 success, 1 failure (a finding at or above fail-on), 2 usage or internal error
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // `sg-review diff --help`: the usage, as for `sg-review --help`
    if (command && rest.some((a) => a === '--help' || a === '-h')) {
      io.stdout(USAGE);
      return 0;
    }
    switch (command) {
      case 'model':
        return await modelCommand(rest, io);
      case 'diff':
        return await reviewCommand('diff', rest, io);
      case 'scan':
        return await reviewCommand('scan', rest, io);
      case 'pr':
        return await prCommand(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${await packageVersion()}\n`);
        return 0;
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || isArgumentError(e)) {
      io.stderr(`sg-review: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.stderr(`sg-review: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

/** An option node's parseArgs does not know, or one given without its value: the user's mistake. */
function isArgumentError(e: unknown): e is Error {
  return e instanceof TypeError && String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

interface Revision {
  files: SourceFile[];
  initCache: ModuleResolutions['initCache'];
}

/** Local modules outside the directory, and the init caches below it. */
async function modulesOf(dir: string, files: SourceFile[], io: CliIo, config: Pick<Config, 'max_link_hops' | 'max_module_depth'>): Promise<Revision> {
  const root = resolve(io.cwd, dir);
  const withOutside = await readOutsideModules(root, files, config.max_link_hops, config.max_module_depth);
  const cache = await readInitCaches(root, withOutside, config.max_link_hops);
  return { files: [...withOutside.slice(files.length), ...cache.files], initCache: cache.initCache };
}

/** `--fetch-modules`: registry and GitHub sources over the network, with GITHUB_TOKEN. */
async function fetchModules(files: SourceFile[], configured: ConfiguredModuleBounds) {
  return readRemoteModules(files, {
    registry: new RegistryClient({ urls: registryUrlsFromEnv(process.env) }),
    read: tokenModuleReader(process.env['GITHUB_TOKEN']),
    cache: new RemoteModuleCache(),
    scope: 'cli',
    bounds: moduleBounds(process.env, configured),
  });
}

/** Reads a directory's Terraform files, failing with a usage error when there are none. */
export async function readDirectory(dir: string, io: CliIo, maxLinkHops?: number) {
  const full = resolve(io.cwd, dir);
  const info = await stat(full).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${dir}: no such directory`);
  const files = await readTerraformTree(full, maxLinkHops);
  return files;
}

/** The data files of a git revision (see DataReader). */
function readGitData(repo: string, ref: string): DataReader {
  return (wanted, maxBytes) => readGitDataFiles(repo, ref, wanted, maxBytes);
}

/** The data files below a directory (see DataReader). */
function readDirData(dir: string, io: CliIo): DataReader {
  return (wanted, maxBytes) => readDataFilesBelow(resolve(io.cwd, dir), wanted, maxBytes);
}

/** The settings of `--config FILE`, the defaults without it. */
async function configOption(path: string | undefined, io: CliIo): Promise<Config> {
  if (!path) return DEFAULT_CONFIG;
  const text = await readFile(resolve(io.cwd, path), 'utf8').catch(() => {
    throw new UsageError(`${path}: cannot read the config file`);
  });
  return parseConfig(text, path);
}

async function modelCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, config: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('model takes one directory');
  if (values.format !== 'json' && values.format !== 'text') throw new UsageError(`unknown format "${values.format}"`);
  const dir = positionals[0]!;
  const config = await configOption(values.config, io);
  const files = await readDirectory(dir, io, config.max_link_hops);
  if (!files.some((f) => isConfigFile(f.path))) throw new UsageError(`${dir}: no Terraform files (.tf, .tf.json, .tofu, .tofu.json)`);
  const limits = limitsOf(config);
  const parser = new FileParser(createWorkerParser(), limits.maxDepth, undefined, config.max_hcl1_statement_lines);
  try {
    // as diff and scan read it: local modules outside the directory, and the init cache
    const modules = await modulesOf(dir, files, io, config);
    const place = placeInTree(resolve(io.cwd, dir), [files, modules.files]);
    const model = await loadModel(
      filesFromTop(place, [...files, ...modules.files]),
      parser,
      new Budget(limits),
      { remote: new Map(), initCache: initCacheFromTop(place, modules.initCache) },
      new Set(),
      config.applied_with ?? 'opentofu',
    );
    io.stdout(values.format === 'json' ? renderModelJson(model) : renderModelText(model, config.applied_with));
  } finally {
    await parser.close();
  }
  return 0;
}

async function reviewCommand(kind: 'diff' | 'scan', argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'markdown' },
      config: { type: 'string' },
      'fail-on': { type: 'string' },
      git: { type: 'boolean', default: false },
      repo: { type: 'string', default: '.' },
      'fetch-modules': { type: 'boolean', default: false },
      'accept-suppressions': { type: 'boolean', default: false },
    },
  });
  const format = values.format!;
  if (!['markdown', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format "${format}"`);
  let config = await configOption(values.config, io);
  if (values['fail-on']) config = validateConfig({ ...config, fail_on: values['fail-on'] }, '--fail-on');
  let baseFiles: SourceFile[];
  let headFiles: SourceFile[];
  let baseModules: Revision = { files: [], initCache: new Map() };
  let headModules: Revision;
  // bounds the reading of a diff hit (analysis-limit findings)
  let readLimits: LimitHit[] = [];
  // what the configuration reads through file(), read whatever the path filters say
  let dataFiles: { base: SourceFile[]; head: SourceFile[] } = { base: [], head: [] };
  // a diff reviews what the change touches, as the App does; a scan, the whole tree
  if (kind === 'scan') {
    if (positionals.length !== 1) throw new UsageError('scan takes one directory');
    baseFiles = [];
    headFiles = await readDirectory(positionals[0]!, io, config.max_link_hops);
    headModules = await modulesOf(positionals[0]!, headFiles, io, config);
  } else if (values.git) {
    if (positionals.length !== 2) throw new UsageError('diff --git takes a base ref and a head ref');
    const repo = resolve(io.cwd, values.repo!);
    const read = (ref: string) =>
      readGitTree(repo, ref, config.max_link_hops).catch((e: Error) => {
        throw new UsageError(e.message);
      });
    // the merge base of the two refs, as the App compares a pull request
    const base = await gitMergeBase(repo, positionals[0]!, positionals[1]!).catch((e: Error) => {
      throw new UsageError(e.message);
    });
    const [b, h] = await Promise.all([read(base), read(positionals[1]!)]);
    const data = { base: readGitData(repo, base), head: readGitData(repo, positionals[1]!) };
    let caches: { base: Revision; head: Revision };
    ({ base: baseFiles, head: headFiles, limits: readLimits, data: dataFiles, initCaches: caches } = await scopeToChange(b, h, config, data));
    [baseModules, headModules] = [caches.base, caches.head];
  } else {
    if (positionals.length !== 2) throw new UsageError('diff takes a base directory and a head directory');
    const hops = config.max_link_hops;
    const [b, h] = await Promise.all([readDirectory(positionals[0]!, io, hops), readDirectory(positionals[1]!, io, hops)]);
    const data = { base: readDirData(positionals[0]!, io), head: readDirData(positionals[1]!, io) };
    ({ base: baseFiles, head: headFiles, limits: readLimits, data: dataFiles } = await scopeToChange(b, h, config, data));
    [baseModules, headModules] = await Promise.all([modulesOf(positionals[0]!, baseFiles, io, config), modulesOf(positionals[1]!, headFiles, io, config)]);
  }
  // module code is read whatever the path filters say: it is what the files in scope call;
  // paths from the top of the tree read when a module lies above the given directory
  const place = values.git ? '' : placeInTree(resolve(io.cwd, positionals.at(-1)!), [baseFiles, baseModules.files, headFiles, headModules.files]);
  const base = filesFromTop(place, [...inScopeWithModules(baseFiles, config, config.max_module_depth + 1), ...dataFiles.base, ...baseModules.files]);
  const head = filesFromTop(place, [...inScopeWithModules(headFiles, config, config.max_module_depth + 1), ...dataFiles.head, ...headModules.files]);
  const remote = values['fetch-modules'] ? await fetchModules([...base, ...head], config.modules) : { files: [], resolutions: new Map() };
  // a scan audits the tree as it stands: its suppressions are the team's; a diff applies only
  // those the base already had, unless told otherwise
  const acceptSuppressions = kind === 'scan' || values['accept-suppressions'] === true;
  const result = await reviewFiles(
    [...base, ...remote.files],
    [...head, ...remote.files],
    config,
    parserForReview(),
    {
      base: { remote: remote.resolutions, initCache: initCacheFromTop(place, baseModules.initCache) },
      head: { remote: remote.resolutions, initCache: initCacheFromTop(place, headModules.initCache) },
    },
    { acceptSuppressions, readLimits },
  );
  io.stdout(format === 'json' ? renderJson(result) : format === 'sarif' ? renderSarif(result, await packageVersion()) : renderMarkdown(result));
  return result.conclusion === 'failure' ? 1 : 0;
}
