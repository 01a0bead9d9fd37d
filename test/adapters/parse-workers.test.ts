import { describe, expect, it } from 'vitest';
import { createWorkerPool, deferredParser } from '../../src/adapters/parse-workers.js';
import { parseInProcess } from '../../src/engine/hcl/parse.js';

describe('parser worker pool', () => {
  it('gives the same JSON as the in-process parser, reports parse errors, and falls back when a worker dies', async () => {
    const pool = createWorkerPool(2);
    const files = Array.from(
      { length: 12 },
      (_, i) =>
        `resource "aws_security_group" "g${i}" {\n  name = "g${i}"\n  ingress {\n    from_port = ${i}\n    to_port = ${i}\n    protocol = "tcp"\n  }\n}\n`,
    );
    const viaPool = await Promise.all(files.map((f, i) => pool(`f${i}.tf`, f)));
    const inProcess = await Promise.all(files.map((f, i) => parseInProcess(`f${i}.tf`, f)));
    expect(viaPool).toEqual(inProcess);
    await expect(pool('bad.tf', 'resource "a" {\n  x = \n}')).rejects.toThrow(/bad\.tf:2/);
    await pool.close!();
    // every worker gone: parsing still works, in-process
    expect(await pool('late.tf', 'a = 1')).toEqual({ a: 1 });
  });

  it('starts hcl2json only when a file comes, choosing by the size of the first batch, once', async () => {
    const chosen: number[] = [];
    let closed = 0;
    const parser = deferredParser((files) => {
      chosen.push(files);
      return Object.assign(async (path: string) => ({ path }), { close: async () => void closed++ });
    }, true);
    expect(chosen).toEqual([]);
    const batch = await Promise.all(Array.from({ length: 30 }, (_, i) => parser(`f${i}.tf`, '')));
    expect(batch.map((j) => j['path'])).toEqual(Array.from({ length: 30 }, (_, i) => `f${i}.tf`));
    await parser('late.tf', '');
    expect(chosen).toEqual([30]);
    await parser.close!();
    expect(closed).toBe(1);
    // a parser that never got a file closes nothing
    const idle = deferredParser(() => parseInProcess, true);
    await idle.close!();
  });

  it('closes the parser a batch not yet started goes on to choose', async () => {
    let closed = 0;
    const parser = deferredParser(() => Object.assign(async (path: string) => ({ path }), { close: async () => void closed++ }), true);
    const parsed = parser('f.tf', '');
    await parser.close!();
    expect(closed).toBe(1);
    expect(await parsed).toEqual({ path: 'f.tf' });
  });
});
