// Runs git on one repository (a work tree with `-C`, or a git directory with `--git-dir`).
import { execFile } from 'node:child_process';

/** git with these arguments (and stdin), giving stdout as bytes, or failing with git's message. */
export type Git = (args: string[], input?: string) => Promise<Buffer>;

export function gitAt(location: string[]): Git {
  return (args, input) =>
    new Promise<Buffer>((resolve, reject) => {
      const child = execFile('git', [...location, ...args], { maxBuffer: 512 * 1024 * 1024, encoding: 'buffer' }, (err, stdout, stderr) =>
        err ? reject(new Error(stderr.toString().trim() || err.message)) : resolve(stdout),
      );
      if (input !== undefined) child.stdin!.end(input);
    });
}
