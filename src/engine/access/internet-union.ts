// Where CIDR rules together admit the internet. Each rule alone may be a small part (0.0.0.0/0
// written as four /2 rules), so a rule is judged with the others that admit the same traffic to
// the same addresses: those of its group, and those of every group attached with it to one
// resource (AWS evaluates all the groups of a network interface together: the union of their
// rules). A port is open to the internet where the union of their addresses is.
import { cidrToSet, coversInternet, isInternetWide, type Block, type Family } from './cidr.js';
import { CoveredBlocks } from './covered-blocks.js';
import { intersect, normalise, union, type IntervalSet } from './intervals.js';
import type { Direction, Model, Rule } from '../model/types.js';

/** A CIDR rule with its addresses, as an interval set and as a block. */
export interface CidrRule {
  rule: Rule;
  addrs: IntervalSet;
  block: Block;
}

const keyOf = (group: string, protocol: string, family: Family) => `${group}\0${protocol}\0${family}`;

/** The ports (per group, protocol and family) where a direction's CIDR rules together admit the internet. */
export class InternetUnion {
  readonly #ports = new Map<string, IntervalSet>();
  /** Where only pieces admit it: no rule alone is the internet there. */
  readonly #pieced = new Map<string, IntervalSet>();

  constructor(model: Pick<Model, 'rules' | 'attachments'>, direction: Direction) {
    // the CIDR rules of each group
    const byGroup = new Map<string, CidrRule[]>();
    for (const rule of model.rules) {
      if (rule.direction !== direction || rule.peer.type !== 'cidr') continue;
      const { set, block } = cidrToSet(rule.peer.value);
      const list = byGroup.get(rule.group) ?? byGroup.set(rule.group, []).get(rule.group)!;
      list.push({ rule, addrs: set, block });
    }
    // the groups judged together: each group alone, and the groups of each resource that attaches several
    const scopes = new Map<string, string[]>([...byGroup.keys()].map((g) => [g, [g]]));
    for (const a of model.attachments) {
      const groups = [...new Set(a.groups)].filter((g) => byGroup.has(g)).sort();
      if (groups.length > 1) scopes.set(groups.join('\0'), groups);
    }
    for (const groups of scopes.values()) {
      const rules = groups.flatMap((g) => byGroup.get(g)!);
      for (const family of [4, 6] as const) {
        const list = rules.filter((x) => x.rule.peer.type === 'cidr' && x.rule.peer.family === family);
        for (const protocol of new Set(list.map((x) => x.rule.protocol))) {
          // an all-traffic rule admits every protocol's ports
          const admitting = list.filter((x) => x.rule.protocol === protocol || x.rule.protocol === 'all');
          const { open, pieced } = openPorts(admitting, family);
          for (const g of groups) {
            this.#add(this.#ports, keyOf(g, protocol, family), open);
            this.#add(this.#pieced, keyOf(g, protocol, family), pieced);
          }
        }
      }
    }
  }

  #add(map: Map<string, IntervalSet>, key: string, ports: IntervalSet): void {
    if (ports.length) map.set(key, union(map.get(key) ?? [], ports));
  }

  /** The ports among `ports` at which the group's rules of `protocol` admit the internet of `family`, alone or with the others of a resource. */
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
 * is. A sweep over the rules' ends: each rule is added where its ports begin and removed after
 * they end, and each stretch between two ends is judged on the addresses covered meanwhile, so
 * the work is linear in the rules after sorting (a PR controls how many there are).
 */
export function openPorts(rules: readonly CidrRule[], family: Family): { open: IntervalSet; pieced: IntervalSet } {
  const ends: { port: number; by: 1 | -1; block: Block; alone: boolean }[] = [];
  for (const { rule, addrs, block } of rules) {
    const alone = isInternetWide(addrs, family);
    ends.push({ port: rule.ports[0], by: 1, block, alone }, { port: rule.ports[1] + 1, by: -1, block, alone });
  }
  ends.sort((a, b) => a.port - b.port);
  const covered = new CoveredBlocks(family);
  let aloneCount = 0;
  const open: [bigint, bigint][] = [];
  const pieced: [bigint, bigint][] = [];
  for (let i = 0; i < ends.length;) {
    const port = ends[i]!.port;
    for (; i < ends.length && ends[i]!.port === port; i++) {
      const { by, block, alone } = ends[i]!;
      covered.change(block.start, block.prefix, by);
      if (alone) aloneCount += by;
    }
    if (i === ends.length || !coversInternet(family, (b) => covered.coveredWithin(b.start, b.prefix))) continue;
    const stretch: [bigint, bigint] = [BigInt(port), BigInt(ends[i]!.port - 1)];
    open.push(stretch);
    if (aloneCount === 0) pieced.push(stretch);
  }
  return { open: normalise(open), pieced: normalise(pieced) };
}
