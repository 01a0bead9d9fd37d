// Property tests of the set arithmetic against a brute-force oracle on small universes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessIndex } from '../../src/engine/access/access.js';
import { cidrToSet, setToCidrs } from '../../src/engine/access/cidr.js';
import { firstHolder, intersect, normalise, subtract, union, type IntervalSet } from '../../src/engine/access/intervals.js';
import type { Rule } from '../../src/engine/model/types.js';

const U = 64;
const interval = fc
  .tuple(fc.integer({ min: 0, max: U - 1 }), fc.integer({ min: 0, max: U - 1 }))
  .map(([a, b]) => [BigInt(Math.min(a, b)), BigInt(Math.max(a, b))] as const);
const set = fc.array(interval, { maxLength: 6 }).map((xs) => normalise(xs));
const members = (s: IntervalSet) => {
  const out = new Set<number>();
  for (const [a, b] of s) for (let i = Number(a); i <= Number(b); i++) out.add(i);
  return out;
};

describe('interval sets', () => {
  it('difference, union and intersection match the oracle', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const ma = members(a);
        const mb = members(b);
        expect(members(subtract(a, b))).toEqual(new Set([...ma].filter((x) => !mb.has(x))));
        expect(members(union(a, b))).toEqual(new Set([...ma, ...mb]));
        expect(members(intersect(a, b))).toEqual(new Set([...ma].filter((x) => mb.has(x))));
      }),
    );
  });

  it('a few intervals against a long set (the binary-search branch) match the oracle, in set form', () => {
    // many disjoint intervals: every other stretch of 1..3 points over a wider universe
    const long = fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), { minLength: 17, maxLength: 40 }).map((steps) => {
      let at = 0n;
      return steps.map(([gap, width]): readonly [bigint, bigint] => {
        const lo = at + BigInt(gap);
        at = lo + BigInt(width);
        return [lo, at - 1n];
      });
    });
    const wide = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })).map(([a, b]) => [BigInt(Math.min(a, b)), BigInt(Math.max(a, b))] as const),
      { minLength: 1, maxLength: 2 },
    );
    fc.assert(
      fc.property(wide.map(normalise), long, (few, many) => {
        expect(few.length * 8).toBeLessThan(many.length);
        const oracle = new Set([...members(few)].filter((x) => members(many).has(x)));
        for (const out of [intersect(few, many), intersect(many, few)]) {
          expect(members(out)).toEqual(oracle);
          // sorted and disjoint, as the linear sweep gives (adjacent pieces stay apart where the long set's do)
          for (let i = 1; i < out.length; i++) expect(out[i]![0]).toBeGreaterThan(out[i - 1]![1]);
        }
      }),
    );
  });

  it('firstHolder names, for every point, the owner of the first set holding it, or -1', () => {
    fc.assert(
      fc.property(fc.array(set, { maxLength: 6 }), (sets) => {
        const owned = sets.map((s, i) => [i * 3 + 1, s] as const);
        const holder = firstHolder(owned);
        for (let x = -1; x <= U; x++) {
          const first = owned.find(([, s]) => members(s).has(x));
          expect(holder(BigInt(x))).toBe(first ? first[0] : -1);
        }
      }),
    );
  });

  it('A − A = ∅ and (A ∪ B) − B ⊆ A', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        expect(subtract(a, a)).toEqual([]);
        const ma = members(a);
        for (const x of members(subtract(union(a, b), b))) expect(ma.has(x)).toBe(true);
      }),
    );
  });

  it('minimal CIDR lists cover exactly the set (IPv4 and IPv6)', () => {
    const base = cidrToSet('10.0.0.0/8').set;
    const hole = cidrToSet('10.1.0.0/16').set;
    expect(setToCidrs(subtract(base, hole), 4)).toEqual([
      '10.0.0.0/16',
      '10.2.0.0/15',
      '10.4.0.0/14',
      '10.8.0.0/13',
      '10.16.0.0/12',
      '10.32.0.0/11',
      '10.64.0.0/10',
      '10.128.0.0/9',
    ]);
    expect(setToCidrs(subtract(cidrToSet('::/0').set, cidrToSet('8000::/1').set), 6)).toEqual(['::/1']);
    fc.assert(
      fc.property(set, (s) => {
        const back = normalise(setToCidrs(s, 4).flatMap((c) => cidrToSet(c).set));
        expect(back).toEqual(s);
      }),
    );
  });
});

describe('access difference (ports × addresses)', () => {
  const rule = (cidr: string, from: number, to: number, protocol = 'tcp'): Rule => ({
    group: 'g',
    direction: 'ingress',
    protocol,
    ports: [from, to],
    peer: { type: 'cidr', value: cidr, family: 4 },
    description: null,
    origin: 'inline',
    resource: 'g',
    location: { file: 'f', startLine: 1, endLine: 1 },
    conditional: null,
    conditionSetOutside: [],
    unresolved: null,
    unknownPorts: null,
    unresolvedSetOutside: [],
    refs: [],
    digest: '',
    emptyDefaults: [],
    emptyDefaultsKinds: [],
  });
  // addresses 10.0.0.0/28 (16 addresses) × ports 0..15: small enough to enumerate
  const cidr = fc
    .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 28, max: 32 }))
    .map(([host, len]) => `10.0.0.${host & ~((1 << (32 - len)) - 1) & 15}/${len}`);
  const box = fc.tuple(cidr, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })).map(([c, a, b]) => rule(c, Math.min(a, b), Math.max(a, b)));
  const points = (r: Rule) => {
    const { set } = cidrToSet(r.peer.value);
    const out: string[] = [];
    for (let a = Number(set[0]![0]); a <= Number(set[0]![1]); a++) for (let p = r.ports[0]; p <= r.ports[1]; p++) out.push(`${a}:${p}`);
    return out;
  };
  it('opened = head rule − union of base rules, exactly', () => {
    fc.assert(
      fc.property(box, fc.array(box, { maxLength: 5 }), (head, base) => {
        const covered = new Set(base.flatMap(points));
        const expected = new Set(points(head).filter((x) => !covered.has(x)));
        const opened = new AccessIndex(base).opened(head);
        const actual = new Set<string>();
        for (const c of opened.cidr)
          for (const [a0, a1] of c.addrs)
            for (const [p0, p1] of c.ports)
              for (let a = Number(a0); a <= Number(a1); a++) for (let p = Number(p0); p <= Number(p1); p++) actual.add(`${a}:${p}`);
        expect(actual).toEqual(expected);
      }),
    );
  });

  it('protocol all in the base covers every protocol; a specific protocol does not cover all', () => {
    expect(new AccessIndex([rule('10.0.0.0/8', 0, 65535, 'all')]).opened(rule('10.0.0.0/8', 22, 22)).cidr).toEqual([]);
    expect(new AccessIndex([rule('10.0.0.0/8', 0, 65535, 'tcp')]).opened(rule('10.0.0.0/8', 0, 65535, 'all')).cidr).toHaveLength(1);
  });

  it('a base rule on unknown ports covers only a rule with the same unknowns; the widest value is what a revision may allow', () => {
    const unknownPort = (expr: string): Rule => ({
      ...rule('0.0.0.0/0', 0, 65535),
      unresolved: `from_port ${expr}: the widest range assumed`,
      unknownPorts: `tcp ${expr} ${expr}`,
    });
    const base = new AccessIndex([unknownPort('var.app_port')], 'same-unknown');
    // SSH beside an app port set per environment is new; the same unknown is not
    expect(base.opened(rule('0.0.0.0/0', 22, 22)).cidr).toHaveLength(1);
    expect(base.opened(unknownPort('var.app_port')).cidr).toEqual([]);
    // another unknown may be any port
    expect(base.opened(unknownPort('var.other_port')).cidr).toHaveLength(1);
    // known ports at the base cover an unknown inside them, with the same unknown or not
    expect(new AccessIndex([rule('0.0.0.0/0', 0, 65535)], 'same-unknown').opened(unknownPort('var.app_port')).cidr).toEqual([]);
    // at the head an unknown may be anything, so it covers every port (nothing known is closed)
    expect(new AccessIndex([unknownPort('var.app_port')]).opened(rule('0.0.0.0/0', 22, 22)).cidr).toEqual([]);
  });

  it('an unknown range of a family is covered only on ports where the base allows every address of that family', () => {
    const unknown = (family: 4 | 6, from: number, to: number): Rule => ({
      ...rule('0.0.0.0/0', from, to),
      peer: { type: 'unresolved', value: 'var.cidr', reason: 'unknown', expected: 'cidr', family },
    });
    const opened = (base: Rule[], head: Rule) => new AccessIndex(base).opened(head).keyed.map((k) => k.ports);
    // two halves make the whole family; the ports beyond them stay open
    const halves = [rule('0.0.0.0/1', 80, 90), rule('128.0.0.0/1', 85, 100)];
    expect(opened(halves, unknown(4, 85, 90))).toEqual([]);
    expect(opened(halves, unknown(4, 80, 100))).toEqual([
      [
        [80n, 84n],
        [91n, 100n],
      ],
    ]);
    // a narrower range, or the other family, covers nothing
    expect(opened([rule('10.0.0.0/8', 0, 65535, 'all')], unknown(4, 22, 22))).toEqual([[[22n, 22n]]]);
    expect(opened([rule('0.0.0.0/0', 0, 65535, 'all')], unknown(6, 22, 22))).toEqual([[[22n, 22n]]]);
    expect(opened([{ ...rule('::/0', 0, 65535, 'all'), peer: { type: 'cidr', value: '::/0', family: 6 } }], unknown(6, 22, 22))).toEqual([]);
  });
});
