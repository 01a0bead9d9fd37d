// Reachability from the internet over the group graph. Traffic from group A to group B needs
// A's egress (to B, or to the whole internet) and B's ingress (from A) on a common protocol
// and port; a group with no egress rules has no outgoing edges (the provider deletes AWS's
// default egress rule). Breadth-first, so distances are hop counts and the work is linear in
// the number of rules.
import type { Hop } from '../result.js';
import type { Model, PortRange, Rule } from '../model/types.js';
import { cidrToSet, isInternetWide } from './cidr.js';
import { intersect, type IntervalSet } from './intervals.js';

export interface Reach {
  distance: number;
  /** Hops from the internet to this group, in order. */
  path: Hop[];
  /** The ingress rule that admits each hop, parallel to `path`. */
  via: Rule[];
}

interface Edge {
  to: string;
  protocol: string;
  ports: IntervalSet;
  via: Rule;
}

const interval = (p: PortRange): IntervalSet => [[BigInt(p[0]), BigInt(p[1])]];

function commonProtocol(a: string, b: string): string | null {
  if (a === b) return a;
  if (a === 'all') return b;
  if (b === 'all') return a;
  return null;
}

export function internetWideRule(rule: Rule): boolean {
  if (rule.peer.type !== 'cidr') return false;
  const { family, set } = cidrToSet(rule.peer.value);
  return isInternetWide(set, family);
}

export function reachability(model: Model, maxHops: number): Map<string, Reach> {
  const egressByGroup = new Map<string, Rule[]>();
  for (const r of model.rules) if (r.direction === 'egress') (egressByGroup.get(r.group) ?? egressByGroup.set(r.group, []).get(r.group)!).push(r);
  const edges = new Map<string, Edge[]>();
  const entry: { to: string; rule: Rule }[] = [];
  for (const r of model.rules) {
    if (r.direction !== 'ingress') continue;
    if (internetWideRule(r)) entry.push({ to: r.group, rule: r });
    if (r.peer.type !== 'group' || r.peer.value === r.group) continue;
    const from = r.peer.value;
    for (const out of egressByGroup.get(from) ?? []) {
      const reaches = (out.peer.type === 'group' && out.peer.value === r.group) || internetWideRule(out);
      if (!reaches) continue;
      const protocol = commonProtocol(r.protocol, out.protocol);
      if (!protocol) continue;
      const ports = intersect(interval(r.ports), interval(out.ports));
      if (!ports.length) continue;
      (edges.get(from) ?? edges.set(from, []).get(from)!).push({ to: r.group, protocol, ports, via: r });
    }
  }
  const reach = new Map<string, Reach>();
  let frontier: string[] = [];
  for (const e of entry) {
    if (reach.has(e.to)) continue;
    reach.set(e.to, { distance: 1, via: [e.rule], path: [{ from: 'internet', to: e.to, protocol: e.rule.protocol, ports: [e.rule.ports] }] });
    frontier.push(e.to);
  }
  for (let d = 2; d <= maxHops && frontier.length; d++) {
    const next: string[] = [];
    for (const g of frontier) {
      for (const e of edges.get(g) ?? []) {
        if (reach.has(e.to)) continue;
        const hop: Hop = { from: g, to: e.to, protocol: e.protocol, ports: e.ports.map(([a, b]) => [Number(a), Number(b)]) };
        const prev = reach.get(g)!;
        reach.set(e.to, { distance: d, via: [...prev.via, e.via], path: [...prev.path, hop] });
        next.push(e.to);
      }
    }
    frontier = next;
  }
  return reach;
}
