// GraphQL object reads (github/objects-query.ts): 100 to a query, and a query GitHub cuts at its
// time limit (502/504, or "Something went wrong ... timeout" in the answer) asked again in halves.
import { describe, expect, it } from 'vitest';
import { readObjects, type ObjectRequest } from '../../src/github/objects-query.js';
import type { Octokit } from '../../src/github/octokit.js';

const REPO = { owner: 'acme', repo: 'infra' };
const requests = (n: number): ObjectRequest[] =>
  Array.from({ length: n }, (_, i) => ({ alias: `o${i}`, expression: `${'a'.repeat(40)}:dir${i}`, selection: '... on Tree { entries { name } }' }));

/** A GraphQL endpoint that answers each alias with its expression, and fails queries of more than `limit` objects with `fail`. */
function endpoint(limit: number, fail: () => unknown) {
  const sizes: number[] = [];
  const graphql = async (query: string) => {
    const fields = [...query.matchAll(/(o\d+): object\(expression: "([^"]+)"\)/g)];
    sizes.push(fields.length);
    if (fields.length > limit) throw fail();
    return { repository: Object.fromEntries(fields.map(([, alias, expression]) => [alias, expression])) };
  };
  return { octokit: { graphql } as unknown as Octokit, sizes };
}

describe('GraphQL object reads', () => {
  it('read 250 objects in queries of 100, 100 and 50', async () => {
    const { octokit, sizes } = endpoint(100, () => new Error('unexpected'));
    const out = await readObjects<string>(octokit, REPO, requests(250));
    expect(Object.keys(out)).toHaveLength(250);
    expect(out.o249).toBe(`${'a'.repeat(40)}:dir249`);
    expect(sizes).toEqual([100, 100, 50]);
  });

  it('ask a query GitHub cuts with a 502 again in halves, and lose no object', async () => {
    const { octokit, sizes } = endpoint(30, () => Object.assign(new Error('Bad Gateway'), { status: 502 }));
    const out = await readObjects<string>(octokit, REPO, requests(100));
    expect(Object.keys(out).sort()).toEqual(
      requests(100)
        .map((r) => r.alias)
        .sort(),
    );
    expect(sizes).toEqual([100, 50, 25, 25, 50, 25, 25]);
  });

  it('read a timeout reported in the answer as a cut query', async () => {
    const timeout = () =>
      Object.assign(new Error('GraphQL error'), {
        errors: [{ message: 'Something went wrong while executing your query. This may be the result of a timeout' }],
      });
    const { octokit, sizes } = endpoint(1, timeout);
    expect(Object.keys(await readObjects<string>(octokit, REPO, requests(4)))).toHaveLength(4);
    expect(sizes).toEqual([4, 2, 1, 1, 2, 1, 1]);
  });

  it('give up on a single object GitHub cannot read in time, and on any other error at once', async () => {
    const cut = endpoint(0, () => Object.assign(new Error('Gateway Timeout'), { status: 504 }));
    await expect(readObjects(cut.octokit, REPO, requests(2))).rejects.toThrow('Gateway Timeout');
    expect(cut.sizes).toEqual([2, 1]);
    const denied = endpoint(0, () => Object.assign(new Error('Forbidden'), { status: 403 }));
    await expect(readObjects(denied.octokit, REPO, requests(8))).rejects.toThrow('Forbidden');
    expect(denied.sizes).toEqual([8]);
  });
});
