// The engine's review on a worker thread: the same result as in-process, and bounded from
// outside: killed past the time budget or out of memory, it is an `analysis-limit` finding.
import { describe, expect, it } from 'vitest';
import { reviewInWorker, workerBounds } from '../../src/adapters/review-worker.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { NO_RESOLUTIONS } from '../../src/engine/modules/resolution.js';

const openSsh = (extra = '') =>
  `resource "aws_security_group" "g" {\n${extra}  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
const modules = { base: NO_RESOLUTIONS, head: NO_RESOLUTIONS };
const input = (content: string, config = DEFAULT_CONFIG) => ({
  base: [],
  head: [{ path: 'main.tf', content }],
  config,
  modules,
  options: { today: '2026-01-01' },
});

describe('the review on a worker thread', () => {
  it('gives the result the engine gives in-process', async () => {
    const viaWorker = await reviewInWorker(input(openSsh()));
    const inProcess = await reviewFiles([], [{ path: 'main.tf', content: openSsh() }], DEFAULT_CONFIG, undefined, modules, { today: '2026-01-01' });
    expect(viaWorker.findings.map((f) => f.rule)).toContain('new-ingress');
    expect(viaWorker).toEqual(inProcess);
  });

  it('killed past its time budget: an analysis-limit finding that fails the check', async () => {
    // work that takes seconds, so the kill always comes first (a small file could finish before a 0 ms timer fires);
    // the padding is parsed before evaluation, whose own budget check would otherwise race the kill on a warm worker
    const padding = Array.from({ length: 100_000 }, (_, i) => `  pad${i} = ${i}\n`).join('');
    const slow = `locals {\n${padding}  s = toset(flatten([for i in range(1000) : [for j in range(1000) : "\${i}-\${j}"]]))\n}\n${openSsh('  count = length(local.s) > 0 ? 1 : 0\n')}`;
    const result = await reviewInWorker(input(slow, { ...DEFAULT_CONFIG, review_time_budget: 0 }), { ...workerBounds(), graceSeconds: 0 });
    expect(result.conclusion).toBe('failure');
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'analysis-limit', severity: 'high', message: expect.stringContaining('stopped at its time budget of 0 s') }),
    ]);
  });

  it('out of memory: an analysis-limit finding naming the memory bound, not a crash', async () => {
    // ten million strings (max_values raised to allow them) in a 32 MB heap
    const heavy = `locals {\n  s = flatten([for i in range(1000) : [for j in range(1000) : [for k in range(10) : "\${i}-\${j}-\${k}"]]])\n}\n${openSsh('  count = length(local.s) > 0 ? 1 : 0\n')}`;
    const result = await reviewInWorker(input(heavy, { ...DEFAULT_CONFIG, max_values: 10_000_000 }), { ...workerBounds(), memoryMb: 32 });
    expect(result.conclusion).toBe('failure');
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'analysis-limit',
        title: 'The review hit its `review_memory` bound',
        message: expect.stringContaining('more than its memory of 32 MB'),
      }),
    ]);
  });
});
