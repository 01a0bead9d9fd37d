// The sweep that finds where CIDR rules together admit the internet, against a brute force
// that unions the covering rules port by port.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrToSet, isInternetWide, type Family } from '../../src/engine/access/cidr.js';
import { openPorts } from '../../src/engine/access/internet-union.js';
import { normalise, union, type IntervalSet } from '../../src/engine/access/intervals.js';
import type { Rule } from '../../src/engine/model/types.js';

const PORTS = 12;

/** Blocks near the internet's halves and quarters, and for IPv6 around 2000::/3. */
const cidrs: Record<Family, string[]> = {
  4: ['0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/1', '0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2', '64.0.0.0/3', '96.0.0.0/3', '10.0.0.0/8'],
  6: ['::/0', '::/1', '8000::/1', '2000::/3', '2000::/4', '3000::/4', '2000::/5', '3800::/5', '2000::/16', 'fc00::/7'],
};

const rules = (family: Family) =>
  fc.array(
    fc.tuple(fc.constantFrom(...cidrs[family]), fc.integer({ min: 0, max: PORTS - 1 }), fc.integer({ min: 0, max: PORTS - 1 })).map(([cidr, a, b]) => {
      const { set, block } = cidrToSet(cidr);
      const rule = { ports: [Math.min(a, b), Math.max(a, b)] } as unknown as Rule;
      return { rule, addrs: set, block };
    }),
    { maxLength: 8 },
  );

/** Port by port: the union of the covering rules, and whether one of them alone is the internet. */
function bruteForce(list: { rule: Rule; addrs: IntervalSet }[], family: Family) {
  const open: [bigint, bigint][] = [];
  const pieced: [bigint, bigint][] = [];
  for (let port = 0; port < PORTS; port++) {
    const covering = list.filter((x) => x.rule.ports[0] <= port && port <= x.rule.ports[1]);
    const addrs = covering.reduce<IntervalSet>((all, x) => union(all, x.addrs), []);
    if (!isInternetWide(addrs, family)) continue;
    open.push([BigInt(port), BigInt(port)]);
    if (!covering.some((x) => isInternetWide(x.addrs, family))) pieced.push([BigInt(port), BigInt(port)]);
  }
  return { open: normalise(open), pieced: normalise(pieced) };
}

describe('openPorts', () => {
  for (const family of [4, 6] as const)
    it(`matches the port-by-port union of the covering rules (IPv${family})`, () => {
      fc.assert(
        fc.property(rules(family), (list) => {
          expect(openPorts(list, family)).toEqual(bruteForce(list, family));
        }),
        { numRuns: 500 },
      );
    });

  it('finds the internet written as pieces on the ports where they meet', () => {
    const piece = (cidr: string, from: number, to: number) => {
      const { set, block } = cidrToSet(cidr);
      return { rule: { ports: [from, to] } as unknown as Rule, addrs: set, block };
    };
    const list = [piece('0.0.0.0/2', 0, 65535), piece('64.0.0.0/3', 22, 443), piece('96.0.0.0/3', 443, 8080), piece('64.0.0.0/3', 443, 443)];
    expect(openPorts(list, 4)).toEqual({ open: [[443n, 443n]], pieced: [[443n, 443n]] });
    expect(openPorts([...list, piece('0.0.0.0/0', 443, 443)], 4)).toEqual({ open: [[443n, 443n]], pieced: [] });
  });
});
