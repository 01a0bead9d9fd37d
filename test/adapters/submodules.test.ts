// Git submodules used as modules: the git reader reads a gitlink (mode 160000) at the commit the
// superproject records, from the submodule's clone; a bump is a change of the calling
// directories; a submodule with no clone here is reported on its calls, never a silent pass.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGitTree } from '../../src/adapters/git.js';
import { runCli } from '../../src/cli/run.js';
import { gitRepo } from '../helpers/git-repo.js';
import { SUBMODULE_CALLER, SUBMODULE_MODULE } from '../helpers/submodule-call.js';

const [MODULE, ROOT] = [SUBMODULE_MODULE, SUBMODULE_CALLER];

const repos: string[] = [];
afterAll(() => repos.forEach((d) => rmSync(d, { recursive: true, force: true })));

const gitIn =
  (repo: string) =>
  (...args: string[]) =>
    execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', '-c', 'protocol.file.allow=always', ...args], { encoding: 'utf8' }).trim();

/** A superproject whose `vendor/sg` is a submodule, bumped in its second commit from 10.0.0.0/8 to the internet. */
function superproject(): { repo: string; module: string; from: string; to: string } {
  const module = gitRepo({ 'main.tf': MODULE('10.0.0.0/8') }, { 'main.tf': MODULE('0.0.0.0/0') });
  const repo = gitRepo({ 'main.tf': ROOT });
  repos.push(module, repo);
  const [git, mod] = [gitIn(repo), gitIn(module)];
  const [from, to] = [mod('rev-parse', 'HEAD~1'), mod('rev-parse', 'HEAD')];
  git('submodule', 'add', '-q', module, 'vendor/sg');
  gitIn(join(repo, 'vendor/sg'))('checkout', '-q', from);
  git('add', 'vendor/sg');
  git('commit', '-qm', 'add the submodule');
  gitIn(join(repo, 'vendor/sg'))('checkout', '-q', to);
  git('add', 'vendor/sg');
  git('commit', '-qm', 'bump the submodule');
  return { repo, module, from, to };
}

async function diff(repo: string, ...extra: string[]) {
  let out = '';
  const code = await runCli(['diff', '--git', 'HEAD~1', 'HEAD', '--repo', repo, '--format', 'json', ...extra], {
    stdout: (s) => (out += s),
    stderr: () => {},
    cwd: repo,
  });
  const doc = JSON.parse(out) as {
    conclusion: string;
    closed: unknown[];
    findings: { rule: string; severity: string; location: { file: string; startLine: number }; message: string }[];
    modules: { address: string; how: string | null; resolvedVersion: string | null; reason: string | null; note?: string | null }[];
  };
  return { code, ...doc };
}

describe('git submodules used as modules', () => {
  it('the git reader reads a submodule at the recorded commit from its clone, with a placeholder carrying the commit', async () => {
    const { repo, from, to } = superproject();
    const files = await readGitTree(repo, 'HEAD');
    expect(files.find((f) => f.path === 'vendor/sg/main.tf')?.content).toBe(MODULE('0.0.0.0/0'));
    expect(files.find((f) => f.path === 'vendor/sg/.git')).toEqual({
      path: 'vendor/sg/.git',
      content: `Subproject commit ${to}\n`,
      gitlink: { commit: to, url: expect.stringContaining('sg-repo-') as string, unread: null },
    });
    // the commit recorded, not the one checked out in the work tree
    expect((await readGitTree(repo, 'HEAD~1')).find((f) => f.path === 'vendor/sg/main.tf')?.content).toBe(MODULE('10.0.0.0/8'));
    expect(from).not.toBe(to);
  });

  it('diff --git: a PR that only bumps the submodule to a commit opening SSH to the world fails, reviewed through its caller', async () => {
    const { repo, to } = superproject();
    const result = await diff(repo);
    expect(result.code).toBe(1);
    expect(result.findings.filter((f) => f.severity === 'critical').map((f) => [f.rule, f.location.file])).toEqual([
      ['new-ingress', 'vendor/sg/main.tf'],
      ['new-internet-path', 'vendor/sg/main.tf'],
    ]);
    expect(result.modules).toEqual([expect.objectContaining({ address: 'module.sg', how: 'local', resolvedVersion: to })]);
  });

  it('a clone without the submodule (not initialised, or a bare mirror): unanalysed-module on the call naming both commits', async () => {
    const { repo, from, to } = superproject();
    for (const clone of [gitIn(repo)('rev-parse', '--show-toplevel') + '-clone', gitIn(repo)('rev-parse', '--show-toplevel') + '-bare']) {
      repos.push(clone);
      execFileSync('git', ['clone', '-q', ...(clone.endsWith('-bare') ? ['--bare'] : []), repo, clone]);
      const result = await diff(clone);
      expect(result.findings.map((f) => [f.rule, f.severity, f.location.file, f.location.startLine])).toEqual([['unanalysed-module', 'medium', 'main.tf', 5]]);
      expect(result.findings[0]!.message).toContain(`moved from commit \`${from}\` to \`${to}\``);
      expect(result.findings[0]!.message).toContain(`a git submodule at commit ${to.slice(0, 12)}`);
      expect(result.modules).toEqual([expect.objectContaining({ address: 'module.sg', how: null, resolvedVersion: to })]);
    }
  });

  it('an unchanged submodule without a clone is a line in the summary, not a finding; a .gitmodules name that climbs out is not followed', async () => {
    const { repo } = superproject();
    const git = gitIn(repo);
    // the PR renames the submodule to a path out of .git/modules (git itself refuses such names)
    writeFileSync(join(repo, '.gitmodules'), git('show', 'HEAD:.gitmodules').replace('[submodule "vendor/sg"]', '[submodule "../../../x"]') + '\n');
    writeFileSync(join(repo, 'main.tf'), ROOT + '# touched\n');
    rmSync(join(repo, 'vendor/sg/.git'));
    git('commit', '-qam', 'rename');
    const result = await diff(repo);
    expect(result.findings).toEqual([]);
    expect(result.closed).toEqual([]);
    expect(result.modules).toEqual([
      expect.objectContaining({ address: 'module.sg', how: null, reason: expect.stringContaining('in no clone here') as string }),
    ]);
  });
});
