// The App's lookup of symbolic links through the API (github/link-index.ts, read by
// app/scope.ts linkingDirectories): one listing of the tree, the targets of its Terraform links
// read 100 to a GraphQL query, and a listing GitHub cut said in the notes.
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { linkingDirectories } from '../../src/app/scope.js';
import { githubTrees } from '../../src/github/trees.js';
import { gitHubClient } from '../../src/github/types.js';
import { callsOf, cleanup, serveDouble } from '../helpers/app.js';

afterEach(cleanup);

const HEAD = 'b'.repeat(40);
const REPO = { owner: 'acme', repo: 'infra' };
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const client = () => gitHubClient(new Octokit({ auth: 'x', log: quiet, retry: { enabled: false } }));
const GLOBALS = 'variable "admin_cidrs" {\n  default = ["198.51.100.7/32"]\n}\n';
const changedGlobals = [{ filename: 'terraform/globals.tf', previousFilename: null, status: 'modified', patch: undefined }];

/** `count` roots, each linking ../globals.tf. */
function linkedRoots(count: number) {
  const roots = Array.from({ length: count }, (_, i) => `terraform/r${String(i).padStart(3, '0')}`);
  return {
    roots,
    files: { 'terraform/globals.tf': GLOBALS, ...Object.fromEntries(roots.map((r) => [`${r}/main.tf`, '# root\n'])) },
    links: Object.fromEntries(roots.map((r) => [`${r}/globals.tf`, '../globals.tf'])),
  };
}

describe('the link lookup of the App', () => {
  it('reads the targets of 150 links in two GraphQL queries after the listing, and finds every linking directory', async () => {
    const { roots, files, links } = linkedRoots(150);
    const github = serveDouble({ commits: { [HEAD]: files }, links: { [HEAD]: links }, pulls: [] });
    const notes: string[] = [];
    expect(await linkingDirectories(githubTrees(client(), REPO), HEAD, changedGlobals, () => true, notes)).toEqual(roots);
    expect(notes).toEqual([]);
    // the last link's target came with the second query: following the links asks nothing more
    expect(callsOf(github)).toEqual([`GET /repos/acme/infra/git/trees/${HEAD}`, 'POST /graphql', 'POST /graphql']);
  });

  it('says when GitHub cut the listing of the tree: a linking directory may have been missed', async () => {
    const { roots, files, links } = linkedRoots(1);
    serveDouble({ commits: { [HEAD]: files }, links: { [HEAD]: links }, pulls: [], truncatedTrees: [HEAD] });
    const notes: string[] = [];
    expect(await linkingDirectories(githubTrees(client(), REPO), HEAD, changedGlobals, () => true, notes)).toEqual(roots);
    expect(notes).toEqual([
      "GitHub cut the listing of the repository's tree (too many entries): a directory whose symbolic link leads into a changed file may not have been reviewed.",
    ]);
  });
});
