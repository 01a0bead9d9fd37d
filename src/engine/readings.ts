// Which files are applied depends on the tool: OpenTofu reads `x.tofu` instead of `x.tf` (and
// `.tofu` overrides), Terraform never reads `.tofu` files. A repository whose configuration
// does not say which tool applies it (`applied_with`) is reviewed in both readings where the
// change reaches a directory with `.tofu` files, and a finding of either is listed: a PR cannot
// hide a widened `x.tf` behind a harmless `x.tofu` twin, nor a widened `x.tofu` behind the
// `x.tf` Terraform would read. Where it reaches none, both readings review the same files; where
// it does, the Terraform reading reads what the change reaches, not the whole tree again.
import { posix } from 'node:path';
import type { SourceFile } from './hcl/parse.js';
import { dirOf, isConfigFile, isTofuFile } from './hcl/config-files.js';
import { isTerragruntFile } from './evaluate/terragrunt.js';
import { isTfvars } from './evaluate/tfvars.js';
import { localModuleDir } from './evaluate/module.js';
import type { ModuleTree } from './model/build.js';
import { moduleCallsIn } from './modules/calls.js';
import { isExternalModulePath } from './modules/resolution.js';
import type { Finding, ReviewResult } from './result.js';
import { byRank, conclusionOf } from './review.js';

/**
 * What the Terraform reading of the change must read, when the tool decides what the review
 * reads: null when no directory the change reaches holds a `.tofu` file at either revision (both
 * tools read the same for it), else whether it reads a file. The change reaches the directories
 * it changes, those that call them (at any depth) and those all of these call, as the OpenTofu
 * reading's trees and the `.tf` files it leaves unread call them: what the change can alter, with
 * whole module trees (each reached directory's calls, and the callers of those changed). Files no
 * directory reads as its own (data files, included `.hcl` files) and module code from outside the
 * repository are read wherever they lie. A changed file of that kind may be read from anywhere, and
 * a `.tofu` file in module code from outside is reached through calls this graph does not follow:
 * then the reading is of every file.
 */
export function terraformReading(
  base: SourceFile[],
  head: SourceFile[],
  changedFiles: readonly string[],
  trees: readonly ModuleTree[],
): ((path: string) => boolean) | null {
  const files = [...base, ...head];
  const tofu = files.filter((f) => isTofuFile(f.path));
  if (!tofu.length) return null;
  if (changedFiles.some((p) => !isDirectoryFile(p)) || tofu.some((f) => isExternalModulePath(f.path))) return () => true;
  const calls = new Map<string, Set<string>>();
  const callers = new Map<string, Set<string>>();
  const edge = (from: string, source: unknown) => {
    const to = localModuleDir(from, source);
    if (to === null) return;
    if (!calls.has(from)) calls.set(from, new Set());
    if (!callers.has(to)) callers.set(to, new Set());
    calls.get(from)!.add(to);
    callers.get(to)!.add(from);
  };
  for (const tree of trees) for (const source of tree.sources.values()) for (const call of source.calls.values()) edge(source.dir, call.body['source']);
  // what Terraform reads and OpenTofu does not: the .tf twins of .tofu files
  const read = new Set(trees.flatMap((t) => t.files.map((f) => f.path)));
  for (const f of files) if (isConfigFile(f.path) && !read.has(f.path)) for (const call of moduleCallsIn(f.path, f.content)) edge(dirOf(f.path), call.source);
  const changed = changedFiles.map(dirOf);
  const reached = walk(walk(changed, callers), calls);
  if (!tofu.some((f) => reached.has(dirOf(f.path)))) return null;
  return (path) => !isDirectoryFile(path) || isExternalModulePath(path) || reached.has(dirOf(path));
}

/** A file only its own directory reads: configuration, auto-loaded tfvars, a Terragrunt unit. */
const isDirectoryFile = (path: string) => isConfigFile(path) || isTfvars(posix.basename(path)) || isTerragruntFile(path);

/** `from` and every directory reached from it along `edges`. */
function walk(from: Iterable<string>, edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set(from);
  const todo = [...seen];
  for (let dir = todo.pop(); dir !== undefined; dir = todo.pop())
    for (const next of edges.get(dir) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
  return seen;
}

/** `a` with the items of `b` whose key it lacks. */
function union<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)))];
}

const at = (x: { file: string; line: number }) => `${x.file}\0${x.line}`;
const suppressionKey = (s: { file: string; line: number; rule: string }) => `${at(s)}\0${s.rule}`;

/**
 * One review of both readings: the OpenTofu one, with each finding of the Terraform one that
 * it lacks (the same rule, severity, resource, title and suppression is the same finding,
 * wherever it is written: a finding suppressed in one reading never hides the same finding
 * left open in the other); closed only what both readings close. What either reading could
 * not read (`unreadAt*`), the module calls of either, and the suppressions either uses are
 * listed: a suppression pending in one reading is pending, and one that matches a finding in
 * either matches (a bound hit in either reading is its `analysis-limit` finding, above).
 */
export function bothReadings(asOpenTofu: ReviewResult, asTerraform: ReviewResult, failOn: string): ReviewResult {
  const key = (f: Finding) => [f.rule, f.severity, f.resource, f.title, f.suppressed ? 'suppressed' : 'open'].join('\0');
  const seen = new Set(asOpenTofu.findings.map(key));
  const findings = [...asOpenTofu.findings, ...asTerraform.findings.filter((f) => !seen.has(key(f)))].sort(byRank);
  const closedByTerraform = new Set(asTerraform.closed.map((c) => JSON.stringify(c)));
  const suppressions = new Map<string, ReviewResult['suppressions'][number]>();
  for (const s of [...asOpenTofu.suppressions, ...asTerraform.suppressions]) {
    const known = suppressions.get(suppressionKey(s));
    suppressions.set(suppressionKey(s), known ? { ...(s.state === 'pending' ? s : known), findings: [...new Set([...known.findings, ...s.findings])] } : s);
  }
  const unmatched = (p: ReviewResult['suppressionProblems'][number]) => p.problem.startsWith('matches no finding') && suppressions.has(suppressionKey(p));
  return {
    ...asOpenTofu,
    conclusion: conclusionOf(findings, failOn),
    findings,
    closed: asOpenTofu.closed.filter((c) => closedByTerraform.has(JSON.stringify(c))),
    unmanaged: union(asOpenTofu.unmanaged, asTerraform.unmanaged, (u) => u.directory),
    modules: union(asOpenTofu.modules, asTerraform.modules, (m) => `${at(m)}\0${m.address}`),
    suppressionProblems: union(asOpenTofu.suppressionProblems, asTerraform.suppressionProblems, (p) => `${suppressionKey(p)}\0${p.problem}`).filter(
      (p) => !unmatched(p),
    ),
    suppressions: [...suppressions.values()],
    unreadAtBase: union(asOpenTofu.unreadAtBase, asTerraform.unreadAtBase, (u) => `${at(u)}\0${u.message}`),
    unreadAtHead: union(asOpenTofu.unreadAtHead, asTerraform.unreadAtHead, (u) => `${at(u)}\0${u.message}`),
    ignoredFiles: [],
    bothReadings: true,
  };
}
