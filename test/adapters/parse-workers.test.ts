import { describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/adapters/parse-workers.js';
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
});
