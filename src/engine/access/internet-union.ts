// Where a group's CIDR rules together admit the internet. Each rule alone may be a small part
// (0.0.0.0/0 written as four /2 rules), so a rule is judged with the others of its group that
// admit the same traffic: a port is open to the internet where the union of their addresses is.
import { cidrToSet, isInternetWide, type Family } from './cidr.js';
import { intersect, normalise, union, type IntervalSet } from './intervals.js';
import type { Direction, Rule } from '../model/types.js';

const keyOf = (group: string, protocol: string, family: Family) => `${group}\0${protocol}\0${family}`;

/** The ports (per group, protocol and family) where a direction's CIDR rules together admit the internet. */
export class InternetUnion {
  readonly #ports = new Map<string, IntervalSet>();
  /** Where only pieces admit it: no rule alone is the internet there. */
  readonly #pieced = new Map<string, IntervalSet>();

  constructor(rules: readonly Rule[], direction: Direction) {
    // the CIDR rules of each group and address family
    const buckets = new Map<string, { group: string; family: Family; rules: { rule: Rule; addrs: IntervalSet }[] }>();
    for (const rule of rules) {
      if (rule.direction !== direction || rule.peer.type !== 'cidr') continue;
      const { family, set } = cidrToSet(rule.peer.value);
      const key = keyOf(rule.group, '', family);
      const bucket = buckets.get(key) ?? buckets.set(key, { group: rule.group, family, rules: [] }).get(key)!;
      bucket.rules.push({ rule, addrs: set });
    }
    for (const { group, family, rules: list } of buckets.values()) {
      for (const protocol of new Set(list.map((x) => x.rule.protocol))) {
        // an all-traffic rule admits every protocol's ports
        const admitting = list.filter((x) => x.rule.protocol === protocol || x.rule.protocol === 'all');
        const { open, pieced } = openPorts(admitting, family);
        const k = keyOf(group, protocol, family);
        if (open.length) this.#ports.set(k, open);
        if (pieced.length) this.#pieced.set(k, pieced);
      }
    }
  }

  /** The ports among `ports` at which the group's rules of `protocol` admit the internet of `family`. */
  internetAt(group: string, protocol: string, family: Family, ports: IntervalSet): IntervalSet {
    const open = this.#ports.get(keyOf(group, protocol, family));
    return open ? intersect(open, ports) : [];
  }

  /** The same, only where the internet is made of pieces: a rule there is one of them (a rule that is the internet alone speaks for itself). */
  piecedAt(group: string, protocol: string, family: Family, ports: IntervalSet): IntervalSet {
    const pieced = this.#pieced.get(keyOf(group, protocol, family));
    return pieced ? intersect(pieced, ports) : [];
  }
}

/**
 * Ports where the union of the rules' addresses is the internet, and those where no rule alone
 * is: checked on each stretch of ports between the rules' ends.
 */
function openPorts(rules: { rule: Rule; addrs: IntervalSet }[], family: Family): { open: IntervalSet; pieced: IntervalSet } {
  const cuts = [...new Set(rules.flatMap((x) => [x.rule.ports[0], x.rule.ports[1] + 1]))].sort((a, b) => a - b);
  const open: [bigint, bigint][] = [];
  const pieced: [bigint, bigint][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const port = cuts[i]!;
    const covering = rules.filter((x) => x.rule.ports[0] <= port && port <= x.rule.ports[1]);
    const addrs = covering.reduce<IntervalSet>((all, x) => union(all, x.addrs), []);
    if (!isInternetWide(addrs, family)) continue;
    const stretch: [bigint, bigint] = [BigInt(port), BigInt(cuts[i + 1]! - 1)];
    open.push(stretch);
    if (!covering.some((x) => isInternetWide(x.addrs, family))) pieced.push(stretch);
  }
  return { open: normalise(open), pieced: normalise(pieced) };
}
