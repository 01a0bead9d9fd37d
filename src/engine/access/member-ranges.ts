// Hops through ingress rules from a range that may hold another group's members' addresses: a
// database allowing 5432 from 10.0.0.0/16 admits every group of the VPC whose egress carries
// 5432 to its members, so an internet-facing group with such egress reaches it in one hop.
// Each level of the walk is judged at once: what the groups of the level send to any group's
// members, joined per address family and protocol, against each group's ingress from such
// ranges, so the work is linear in the rules per level, not in pairs of groups (a PR writes both).
// Only rules of one configuration meet: two roots of a tree (examples/a, examples/b) are
// deployed apart, and nothing says their groups share a network.
import { rootLabelOf } from '../model/roots.js';
import type { Model, Rule } from '../model/types.js';
import type { Family } from './cidr.js';
import { firstHolder, intersect, normalise, type Interval, type IntervalSet } from './intervals.js';

/** A configuration (root label), an address family and a protocol. */
type Key = `${string}\n${Family}\n${string}`;
const keyOf = (rule: Rule, family: Family, protocol: string): Key => `${rootLabelOf(rule.resource) ?? ''}\n${family}\n${protocol}`;
const protocolOf = (key: Key) => key.slice(key.lastIndexOf('\n') + 1);

/** An ingress rule from such a range and the keys it meets. */
interface Admitting {
  rule: Rule;
  keys: Key[];
  /** For an all-traffic rule, which meets every protocol sent: what its keys start with (`keys` is empty). */
  prefix: string | null;
}

function admitting(rule: Rule): Admitting {
  const family = (rule.peer as { family: Family }).family;
  const all = keyOf(rule, family, 'all');
  // another protocol meets its own and all traffic
  return rule.protocol === 'all' ? { rule, keys: [], prefix: all.slice(0, -3) } : { rule, keys: [keyOf(rule, family, rule.protocol), all], prefix: null };
}

export interface RangeTraffic {
  protocol: string;
  /** What the rules admit from every group of the level. */
  ports: IntervalSet;
  /** The same as each rule admits it (for naming services). */
  admitted: IntervalSet[];
  /** What they admit from one group of the level (the hop's own end). */
  fromLast: IntervalSet;
}

export interface RangeHop {
  /** For a group not reached before: the group of the level that first sends what the first rule admits. */
  from: string;
  to: string;
  /** That rule. */
  via: Rule;
  traffic(last: string): RangeTraffic[];
}

export class MemberRanges {
  /** Per group, per family and protocol, the ports its egress carries to any group's members. */
  readonly #sends = new Map<string, Map<Key, IntervalSet>>();
  /**
   * Groups with ingress from ranges that may hold members' addresses, those rules in `order`,
   * groups sorted; each rule with the keys it meets, made once rather than at every level.
   */
  readonly #admits: [string, Admitting[]][];

  constructor(
    model: Pick<Model, 'rules'>,
    /** Whether a CIDR rule's range may hold group members' addresses. */
    onVpc: (rule: Rule) => boolean,
    unreachable: ReadonlySet<string>,
    /** The ports at which an egress rule reaches the members of any group. */
    sends: (out: Rule) => IntervalSet,
    order: (a: Rule, b: Rule) => number,
  ) {
    const sent = new Map<string, Map<Key, Interval[]>>();
    const admits = new Map<string, Rule[]>();
    for (const r of model.rules) {
      if (r.peer.type !== 'cidr') continue;
      if (r.direction === 'egress') {
        const ports = sends(r);
        if (!ports.length) continue;
        const byKey = sent.get(r.group) ?? sent.set(r.group, new Map()).get(r.group)!;
        const key = keyOf(r, r.peer.family, r.protocol);
        (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(...ports);
      } else if (!unreachable.has(r.group) && onVpc(r)) (admits.get(r.group) ?? admits.set(r.group, []).get(r.group)!).push(r);
    }
    for (const [group, byKey] of sent) this.#sends.set(group, new Map([...byKey].map(([k, list]) => [k, normalise(list)])));
    this.#admits = [...admits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([g, rules]) => [g, rules.sort(order).map(admitting)]);
  }

  /**
   * The hops from the groups at distance d - 1 (`level`, sorted) through such ingress, to the
   * groups not reached before d (`distanceOf` tells the distance of a group reached so far).
   */
  *hops(level: readonly string[], distanceOf: (group: string) => number | null, d: number): Generator<RangeHop> {
    const joined = new Map<Key, Interval[]>();
    for (const g of level) for (const [key, ports] of this.#sends.get(g) ?? []) (joined.get(key) ?? joined.set(key, []).get(key)!).push(...ports);
    if (!joined.size) return;
    const level_ = new Map([...joined].map(([k, list]) => [k, normalise(list)]));
    const holders = new Map<Key, (x: bigint) => number>();
    const holderOf = (key: Key) =>
      holders.get(key) ??
      holders.set(key, firstHolder(level.flatMap((g, i) => (this.#sends.get(g)?.has(key) ? [[i, this.#sends.get(g)!.get(key)!] as const] : [])))).get(key)!;
    for (const [to, rules] of this.#admits) {
      const distance = distanceOf(to);
      if (distance !== null && distance < d) continue;
      const found: { rule: Rule; key: Key; protocol: string; ports: IntervalSet }[] = [];
      for (const { rule, keys: own, prefix } of rules) {
        const keys = prefix === null ? own : [...level_.keys()].filter((k) => k.startsWith(prefix));
        for (const key of keys) {
          const sent = level_.get(key);
          if (!sent) continue;
          const ports = intersect([[BigInt(rule.ports[0]), BigInt(rule.ports[1])]], sent);
          if (ports.length) found.push({ rule, key, protocol: rule.protocol === 'all' ? protocolOf(key) : rule.protocol, ports });
        }
      }
      const first = found[0];
      if (!first) continue;
      const from = distance === null ? level[holderOf(first.key)(first.ports[0]![0])]! : '';
      yield {
        from,
        to,
        via: first.rule,
        traffic: (last) => {
          const byProtocol = new Map<string, { ports: Interval[]; admitted: IntervalSet[]; fromLast: Interval[] }>();
          for (const { rule, key, protocol, ports } of found) {
            const t = byProtocol.get(protocol) ?? byProtocol.set(protocol, { ports: [], admitted: [], fromLast: [] }).get(protocol)!;
            t.ports.push(...ports);
            t.admitted.push(ports);
            t.fromLast.push(...intersect([[BigInt(rule.ports[0]), BigInt(rule.ports[1])]], this.#sends.get(last)?.get(key) ?? []));
          }
          return [...byProtocol].map(([protocol, t]) => ({ protocol, ports: normalise(t.ports), admitted: t.admitted, fromLast: normalise(t.fromLast) }));
        },
      };
    }
  }
}
