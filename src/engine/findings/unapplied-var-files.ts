// A changed var file (`-var-file`, not terraform.tfvars / *.auto.tfvars) in or under a root that
// no root is configured to be applied with: CI passes it to some root, which the repository
// does not say, so what its new values open cannot be reviewed. Reported by unresolved-value
// (high): a PR must not widen `envs/prod.tfvars` unseen.
import { isDeepStrictEqual } from 'node:util';
import { code } from './code-span.js';
import { fingerprint } from './finding.js';
import type { ReviewContext } from './context.js';

export function unappliedVarFileFindings(ctx: ReviewContext) {
  const before = new Map((ctx.base.unappliedVarFiles ?? []).map((f) => [f.path, f]));
  return (ctx.head.unappliedVarFiles ?? [])
    .filter((f) => ctx.changedFiles?.has(f.path) ?? true)
    .map((f) => {
      const old = before.get(f.path)?.body ?? {};
      const changed = Object.keys(f.body).filter((name) => !isDeepStrictEqual(f.body[name], old[name]));
      const lines = changed.flatMap((name) => {
        const span = f.located.attributes.get(name);
        return span ? [span.startLine] : [];
      });
      const line = lines.length ? Math.min(...lines) : 1;
      const what = f.error
        ? `It could not be read (${f.error.message}).`
        : changed.length
          ? `It sets ${changed.map((n) => code(n)).join(', ')} to new values.`
          : 'Its assignments are those of the base, or it was removed.';
      return {
        severity: 'high' as const,
        fingerprint: fingerprint('unresolved-value', 'var-file', f.path),
        title: `${f.path} changed, but which root is applied with it is not known`,
        message: [
          `${code(f.path)} is a var file: Terraform reads it only when told to (\`-var-file\`), so the review cannot tell which root it is applied to, nor what its values open. ${what}`,
          '',
          "Name the roots it is applied with under `var_files` in the default branch's `.github/sg-review.yml` (a root directory glob to the var files, relative to that root, in the order CI passes them), and its values are reviewed as that root's tfvars. For a root at the top of the repository:",
          '',
          '```yaml',
          'var_files:',
          `  ".": [${JSON.stringify(f.path)}]`,
          '```',
        ].join('\n'),
        resource: f.path,
        location: { file: f.path, startLine: line, endLine: line },
      };
    });
}
