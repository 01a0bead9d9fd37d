// The bundled example PR as commits for the GitHub double.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

function tree(dir: string, root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, tree(full, root));
    else out[relative(root, full)] = readFileSync(full, 'utf8');
  }
  return out;
}

const EXAMPLE = join(import.meta.dirname, '../../examples/three-tier');
export const BASE = 'a'.repeat(40);
export const HEAD = 'b'.repeat(40);
export const TIP = 'c'.repeat(40);
export const exampleCommits = (): Record<string, Record<string, string>> => ({
  [BASE]: { 'README.md': '# infra\n', ...tree(join(EXAMPLE, 'base')) },
  [HEAD]: { 'README.md': '# infra\n', ...tree(join(EXAMPLE, 'head')) },
});
export const examplePull = { number: 1, head: HEAD, base: TIP, mergeBase: BASE };

/**
 * The requests of one full review of PR #1, in order: create the check run, look for stale
 * runs of the head, read the config,
 * list the files, find the merge base, read the trees, read earlier comments, post the review,
 * conclude. `reads` replaces the single GraphQL read; `annotationBatches` adds check-run
 * updates before the review.
 */
export function reviewRequests(options: { reads?: string[]; annotationBatches?: number } = {}): string[] {
  return [
    'POST /repos/acme/infra/check-runs',
    `GET /repos/acme/infra/commits/${HEAD}/check-runs`,
    'GET /repos/acme/infra/contents/.github%2Fsg-review.yml',
    'GET /repos/acme/infra/pulls/1/files',
    // the head's symbolic links: a directory linking a changed file is touched
    `GET /repos/acme/infra/git/trees/${HEAD}`,
    `GET /repos/acme/infra/compare/${TIP}...${HEAD}`,
    ...(options.reads ?? ['POST /graphql']),
    ...Array<string>(options.annotationBatches ?? 0).fill('PATCH /repos/acme/infra/check-runs/100'),
    'GET /repos/acme/infra/pulls/1/comments',
    'POST /repos/acme/infra/pulls/1/reviews',
    'PATCH /repos/acme/infra/check-runs/100',
  ];
}

/** The requests of a review of PR #1 that posts no review (no finding on a commentable line), with
 * `before` GraphQL queries between the head's tree listing and the merge base and `after` after it. */
export function unpostedReviewRequests(before: number, after: number): string[] {
  const [open, runs, config, files, tree, compare, , comments, , conclude] = reviewRequests();
  const graphql = (n: number) => Array<string>(n).fill('POST /graphql');
  return [open!, runs!, config!, files!, tree!, ...graphql(before), compare!, ...graphql(after), comments!, conclude!];
}
