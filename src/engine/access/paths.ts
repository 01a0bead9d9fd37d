// Reachability from the internet over the group graph. Traffic from group A to group B needs
// A's egress (to B, or to addresses B's members may have: any range that may hold VPC
// addresses, such as the VPC's own 10.0.0.0/16) and B's ingress (from A, or from a range that
// may hold A's members' addresses) on a common protocol and port; a group with no egress rules
// has no outgoing edges (the provider deletes AWS's default egress rule). Breadth-first, so
// distances are hop counts. Entries and edges are visited in a sorted order and a group collects
// every protocol and port it is reachable on at its distance, as each hop does for its own two
// ends, so nothing depends on the order in which blocks are written. A group only VPC
// interface endpoints use is a step of paths like any other (something the configuration does
// not show may use it), but no range hop leads into it (model/attachments.ts).
import type { Hop } from '../result.js';
import { endpointOnlyGroups } from '../model/attachments.js';
import { commonProtocol, protocolOrder } from '../model/protocol.js';
import type { Model, PortRange, Rule } from '../model/types.js';
import { portInterval } from './access.js';
import { cidrToSet, mayHoldVpcAddresses, vpcSpace } from './cidr.js';
import { InternetUnion } from './internet-union.js';
import { MemberRanges } from './member-ranges.js';
import { intersect, union, type IntervalSet } from './intervals.js';

export interface Reach {
  distance: number;
  /** Hops from the internet to this group, in order, each with every protocol and port it carries. */
  path: Hop[];
  /** The ingress rule that admits each hop, parallel to `path`. */
  via: Rule[];
  /** Every protocol and port the group is reachable on at `distance`, over all last hops. */
  reachable: Map<string, IntervalSet>;
  /** The same ports as the rules of the last hops admit them, each range apart (for naming services). */
  admitted: Map<string, IntervalSet[]>;
}

/** Protocols and ports; while the walk runs, a hop's traffic is one of these. */
type Traffic = Map<string, IntervalSet>;

/** A reach whose hops still collect traffic. */
type Walk = Omit<Reach, 'path'> & { hops: { from: string; to: string; traffic: Traffic }[] };

/** Each protocol with its ports in protocol order; all traffic alone when present (it covers the rest). */
export function byProtocol(traffic: Traffic): [string, IntervalSet][] {
  const all = traffic.get('all');
  return all ? [['all', all]] : [...traffic.entries()].sort(([a], [b]) => protocolOrder(a, b));
}

function toHop({ from, to, traffic }: Walk['hops'][number]): Hop {
  const [first, ...others] = byProtocol(traffic).map(([protocol, ports]) => ({ protocol, ports: ports.map(([a, b]): PortRange => [Number(a), Number(b)]) }));
  return { from, to, ...first!, ...(others.length ? { otherProtocols: others } : {}) };
}

interface Edge {
  to: string;
  protocol: string;
  ports: IntervalSet;
  via: Rule;
}

const interval = (p: PortRange): IntervalSet => [portInterval(p)];

/** The ports at which a CIDR rule, with its group's others, admits the internet. */
function internetPortsOf(wide: InternetUnion, rule: Rule): IntervalSet {
  return rule.peer.type === 'cidr' ? wide.internetAt(rule.group, rule.protocol, rule.peer.family, interval(rule.ports)) : [];
}

/** What a review has computed of a revision already (findings/context.ts), so the walk does not compute it again. */
export interface Known {
  /** CIDR rules admit the internet together: four /2 rules are 0.0.0.0/0, also in several groups of one resource. */
  inbound: InternetUnion;
  outbound: InternetUnion;
  endpointOnly: ReadonlySet<string>;
}

export function reachability(
  model: Model,
  maxHops: number,
  { inbound, outbound, endpointOnly }: Known = {
    inbound: new InternetUnion(model, 'ingress'),
    outbound: new InternetUnion(model, 'egress'),
    endpointOnly: endpointOnlyGroups(model),
  },
): Map<string, Reach> {
  const egressByGroup = new Map<string, Rule[]>();
  for (const r of model.rules) if (r.direction === 'egress') (egressByGroup.get(r.group) ?? egressByGroup.set(r.group, []).get(r.group)!).push(r);
  // CIDR rules on a range that may hold any group's members (a VPC's addresses), either
  // direction: judged once per rule, not per pair of rules
  const space = vpcSpace(model.vpcRanges ?? []);
  const onVpc = new Set(model.rules.filter((r) => r.peer.type === 'cidr' && mayHoldVpcAddresses(cidrToSet(r.peer.value).set, r.peer.family, space)));
  /** Whether an egress rule may carry traffic to the members of a group: it names the group, or a range that may hold their addresses. */
  const reachesGroup = (out: Rule, group: string) => (out.peer.type === 'group' ? out.peer.value === group : onVpc.has(out));
  const edges = new Map<string, Edge[]>();
  const entry: { to: string; rule: Rule; ports: IntervalSet }[] = [];
  // a range hop is a guess at addresses: not into a group only interface endpoints show to use
  // (it would carry traffic on through endpoints, which send none); a reference or the internet is no guess
  const ranges = new MemberRanges(
    model,
    (rule) => onVpc.has(rule),
    endpointOnly,
    (out) => (onVpc.has(out) ? interval(out.ports) : internetPortsOf(outbound, out)),
    ruleOrder,
  );
  for (const r of model.rules) {
    if (r.direction !== 'ingress') continue;
    const fromInternet = internetPortsOf(inbound, r);
    if (fromInternet.length) entry.push({ to: r.group, rule: r, ports: fromInternet });
    if (r.peer.type !== 'group' || r.peer.value === r.group) continue;
    const from = r.peer.value;
    for (const out of egressByGroup.get(from) ?? []) {
      const reaching = reachesGroup(out, r.group) ? interval(out.ports) : internetPortsOf(outbound, out);
      if (!reaching.length) continue;
      const protocol = commonProtocol(r.protocol, out.protocol);
      if (!protocol) continue;
      const ports = intersect(interval(r.ports), reaching);
      if (!ports.length) continue;
      (edges.get(from) ?? edges.set(from, []).get(from)!).push({ to: r.group, protocol, ports, via: r });
    }
  }
  entry.sort((a, b) => compare(a.to, b.to) || ruleOrder(a.rule, b.rule));
  for (const list of edges.values()) list.sort((a, b) => compare(a.to, b.to) || protocolOrder(a.protocol, b.protocol) || ruleOrder(a.via, b.via));
  const reach = new Map<string, Walk>();
  // the group's reachable traffic, and its last hop's when it comes from the same group
  const widen = (r: Walk, from: string, protocol: string, ports: IntervalSet) => {
    const last = r.hops[r.hops.length - 1]!;
    for (const t of last.from === from ? [r.reachable, last.traffic] : [r.reachable]) t.set(protocol, union(t.get(protocol) ?? [], ports));
    (r.admitted.get(protocol) ?? r.admitted.set(protocol, []).get(protocol)!).push(ports);
  };
  // a group first reached at distance d, one hop (admitted by `via`) beyond `from`
  const step = (from: string, to: string, via: Rule, d: number): Walk => {
    const prev = reach.get(from)!;
    const r: Walk = { distance: d, via: [...prev.via, via], hops: [...prev.hops, { from, to, traffic: new Map() }], reachable: new Map(), admitted: new Map() };
    reach.set(to, r);
    return r;
  };
  let frontier: string[] = [];
  for (const e of entry) {
    const known = reach.get(e.to);
    if (known) {
      widen(known, 'internet', e.rule.protocol, e.ports);
      continue;
    }
    const r: Walk = { distance: 1, via: [e.rule], hops: [{ from: 'internet', to: e.to, traffic: new Map() }], reachable: new Map(), admitted: new Map() };
    widen(r, 'internet', e.rule.protocol, e.ports);
    reach.set(e.to, r);
    frontier.push(e.to);
  }
  for (let d = 2; d <= maxHops && frontier.length; d++) {
    const next: string[] = [];
    for (const g of frontier.sort(compare)) {
      for (const e of edges.get(g) ?? []) {
        const known = reach.get(e.to);
        if (known) {
          if (known.distance === d) widen(known, g, e.protocol, e.ports);
          continue;
        }
        widen(step(g, e.to, e.via, d), g, e.protocol, e.ports);
        next.push(e.to);
      }
    }
    // ingress from a range that may hold the frontier's members' addresses, to their egress
    for (const hop of ranges.hops(frontier, (group) => reach.get(group)?.distance ?? null, d)) {
      let r = reach.get(hop.to);
      if (!r) {
        r = step(hop.from, hop.to, hop.via, d);
        next.push(hop.to);
      }
      const last = r.hops[r.hops.length - 1]!;
      for (const { protocol, ports, admitted, fromLast } of hop.traffic(last.from)) {
        r.reachable.set(protocol, union(r.reachable.get(protocol) ?? [], ports));
        (r.admitted.get(protocol) ?? r.admitted.set(protocol, []).get(protocol)!).push(...admitted);
        if (fromLast.length) last.traffic.set(protocol, union(last.traffic.get(protocol) ?? [], fromLast));
      }
    }
    frontier = next;
  }
  return new Map([...reach].map(([group, { hops, ...r }]) => [group, { ...r, path: hops.map(toHop) }]));
}

/**
 * The groups a walk reaches within `maxHops`. Breadth-first, a walk to more hops holds the walk
 * to fewer unchanged: later hops only add groups, never touch a nearer one's path or ports.
 */
export function within(reach: Map<string, Reach>, maxHops: number): Map<string, Reach> {
  return new Map([...reach].filter(([, r]) => r.distance <= maxHops));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A stable order of rules: all traffic, tcp, udp, ICMP; then ports and where they are written. */
function ruleOrder(a: Rule, b: Rule): number {
  return (
    protocolOrder(a.protocol, b.protocol) ||
    a.ports[0] - b.ports[0] ||
    a.ports[1] - b.ports[1] ||
    compare(a.location.file, b.location.file) ||
    a.location.startLine - b.location.startLine
  );
}
