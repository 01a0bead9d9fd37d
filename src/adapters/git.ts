// Reads the Terraform files of a git revision without checking it out.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SourceFile } from '../engine/hcl/parse.js';
import { isTerraformFile } from '../engine/load.js';
import { decodeText } from '../engine/hcl/text.js';

const run = promisify(execFile);

async function verifyCommit(repo: string, ref: string): Promise<void> {
  await run('git', ['-C', repo, 'rev-parse', '--verify', `${ref}^{commit}`]).catch(() => {
    throw new Error(`${ref}: not a commit in ${repo}`);
  });
}

/** The best common ancestor of two refs (what a pull request's "Files changed" compares against). */
export async function gitMergeBase(repo: string, a: string, b: string): Promise<string> {
  for (const ref of [a, b]) await verifyCommit(repo, ref);
  const { stdout } = await run('git', ['-C', repo, 'merge-base', a, b]).catch(() => {
    throw new Error(`${a} and ${b} have no merge base in ${repo}`);
  });
  return stdout.trim();
}

export async function readGitTree(repo: string, ref: string): Promise<SourceFile[]> {
  const git = (args: string[], input?: string) =>
    new Promise<Buffer>((resolve, reject) => {
      const child = execFile('git', ['-C', repo, ...args], { maxBuffer: 512 * 1024 * 1024, encoding: 'buffer' }, (err, stdout, stderr) =>
        err ? reject(new Error(stderr.toString().trim() || err.message)) : resolve(stdout),
      );
      if (input !== undefined) child.stdin!.end(input);
    });
  await verifyCommit(repo, ref);
  const listing = (await git(['ls-tree', '-r', '-z', ref])).toString('utf8');
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      // "<mode> <type> <sha>\t<path>": the path may itself hold tabs
      const tab = line.indexOf('\t');
      const [meta, path] = [line.slice(0, tab), line.slice(tab + 1)];
      const [mode, type, sha] = meta.split(' ') as [string, string, string];
      return { mode, type, sha, path };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && isTerraformFile(e.path));
  if (!entries.length) return [];
  // one `cat-file --batch` process for every blob: "<sha> blob <size>\n<bytes>\n" each
  const out = await git(['cat-file', '--batch'], entries.map((e) => e.sha).join('\n') + '\n');
  const files: SourceFile[] = [];
  let pos = 0;
  for (const e of entries) {
    const headerEnd = out.indexOf(0x0a, pos);
    const size = Number(out.subarray(pos, headerEnd).toString('latin1').split(' ')[2]);
    const start = headerEnd + 1;
    files.push({ path: e.path, ...decodeText(out.subarray(start, start + size)) });
    pos = start + size + 1;
  }
  return files;
}
