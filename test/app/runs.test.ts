import { describe, expect, it } from 'vitest';
import { RunRegistry } from '../../src/app/runs.js';

describe('RunRegistry', () => {
  it('remembers a bounded number of pull requests and heads, least recently used dropped first', async () => {
    const registry = new RunRegistry({ pulls: 3, headsPerPull: 2 });
    const first = await registry.begin('acme/infra#1', 'a');
    for (let n = 2; n <= 1_000; n++) await registry.begin(`acme/infra#${n}`, 'a');
    expect(registry.rememberedPulls).toBe(3);
    // a forgotten PR saw no newer run: its run still publishes
    expect(await registry.isLatestRunOfHead('acme/infra#1', 'a', first)).toBe(true);
    expect(await registry.sawOtherHeads('acme/infra#1', 'a')).toBe(false);

    const b = await registry.begin('acme/infra#1000', 'b');
    await registry.begin('acme/infra#1000', 'c');
    expect(await registry.sawOtherHeads('acme/infra#1000', 'b')).toBe(true);
    // only two heads kept per PR: the oldest ("a") was dropped, "b" is still the latest run of b
    expect(await registry.isLatestRunOfHead('acme/infra#1000', 'b', b)).toBe(true);
    await registry.begin('acme/infra#1000', 'd');
    expect(await registry.isLatestRunOfHead('acme/infra#1000', 'b', b)).toBe(false);
    expect(registry.rememberedPulls).toBe(3);
  });

  it('a later run of the same head replaces the earlier one', async () => {
    const registry = new RunRegistry();
    const first = await registry.begin('acme/infra#1', 'a');
    const second = await registry.begin('acme/infra#1', 'a');
    expect(await registry.isLatestRunOfHead('acme/infra#1', 'a', first)).toBe(false);
    expect(await registry.isLatestRunOfHead('acme/infra#1', 'a', second)).toBe(true);
  });

  it('forgets delivery ids beyond its bound', async () => {
    const registry = new RunRegistry({ deliveries: 2 });
    expect(await registry.firstDelivery('x')).toBe(true);
    expect(await registry.firstDelivery('x')).toBe(false);
    await registry.firstDelivery('y');
    await registry.firstDelivery('z');
    expect(await registry.firstDelivery('x')).toBe(true);
  });
});
