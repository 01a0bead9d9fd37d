// Access sets and their exact difference. The access of a group in one direction is the union
// of its rules wherever declared: per protocol, rectangles of ports × addresses for CIDR peers,
// and port sets per peer for group, self, prefix-list and unresolved peers.
import type { Direction, Peer, PortRange, Protocol, Rule } from '../model/types.js';
import { cidrToSet, type Family } from './cidr.js';
import { equals, normalise, subtract, union, type Interval, type IntervalSet } from './intervals.js';

interface Rectangle {
  ports: Interval;
  addrs: IntervalSet;
}

interface ProtocolAccess {
  cidr: Record<Family, Rectangle[]>;
  /** Non-CIDR peers by peer key ("group:…", "self", "prefix-list:…", "unresolved:…"). */
  keyed: Map<string, IntervalSet>;
}

export interface OpenedAccess {
  /** CIDR peers: the address set opened, with the port ranges it is opened on. */
  cidr: { family: Family; addrs: IntervalSet; ports: IntervalSet }[];
  keyed: { peer: Peer; ports: IntervalSet }[];
}

export function peerKey(peer: Peer): string {
  return peer.type === 'self' ? 'self' : `${peer.type}:${peer.value}`;
}

function accessKey(group: string, direction: Direction, protocol: Protocol): string {
  return `${group}\0${direction}\0${protocol}`;
}

const WHOLE_FAMILY: Record<Family, IntervalSet> = { 4: cidrToSet('0.0.0.0/0').set, 6: cidrToSet('::/0').set };

export const portInterval = (p: PortRange): Interval => [BigInt(p[0]), BigInt(p[1])];

/**
 * How a rule whose protocol or ports are unknown (Rule.unknownPorts) counts in an index:
 * `widest`, what a revision may allow (the widest value: an unknown is never safe), or
 * `same-unknown`, what the base is known to allow to subtract from (only a rule with the same
 * unknowns, never a known port: otherwise an app port set per environment would cover SSH).
 */
export type UnknownPorts = 'widest' | 'same-unknown';

/** An index of every group's access, for subtracting from. */
export class AccessIndex {
  readonly #byKey = new Map<string, ProtocolAccess>();
  /** With `same-unknown`: the access of the rules with unknown ports, by their unknowns. */
  readonly #byUnknown = new Map<string, ProtocolAccess>();

  constructor(
    rules: Iterable<Rule>,
    readonly unknownPorts: UnknownPorts = 'widest',
  ) {
    for (const rule of rules) this.add(rule);
  }

  add(rule: Rule): void {
    const byUnknown = this.unknownPorts === 'same-unknown' && rule.unknownPorts !== null;
    const [index, key] = byUnknown
      ? [this.#byUnknown, accessKey(rule.group, rule.direction, rule.unknownPorts!)]
      : [this.#byKey, accessKey(rule.group, rule.direction, rule.protocol)];
    let entry = index.get(key);
    if (!entry) {
      entry = { cidr: { 4: [], 6: [] }, keyed: new Map() };
      index.set(key, entry);
    }
    const ports = portInterval(rule.ports);
    if (rule.peer.type === 'cidr') {
      const { family, set } = cidrToSet(rule.peer.value);
      entry.cidr[family].push({ ports, addrs: set });
    } else {
      const k = peerKey(rule.peer);
      entry.keyed.set(k, union(entry.keyed.get(k) ?? [], [ports]));
    }
  }

  /** The entries that cover a protocol: its own and those of `all`. */
  covering(group: string, direction: Direction, protocol: Protocol): ProtocolAccess[] {
    const out: ProtocolAccess[] = [];
    const own = this.#byKey.get(accessKey(group, direction, protocol));
    if (own) out.push(own);
    if (protocol !== 'all') {
      const all = this.#byKey.get(accessKey(group, direction, 'all'));
      if (all) out.push(all);
    }
    return out;
  }

  /** What `rule` allows that this index does not: the rule's newly opened access. */
  opened(rule: Rule): OpenedAccess {
    const entries = this.covering(rule.group, rule.direction, rule.protocol);
    const same = rule.unknownPorts === null ? undefined : this.#byUnknown.get(accessKey(rule.group, rule.direction, rule.unknownPorts));
    if (same) entries.push(same);
    const ports = portInterval(rule.ports);
    if (rule.peer.type === 'cidr') {
      const { family, set } = cidrToSet(rule.peer.value);
      const rects = entries.flatMap((e) => e.cidr[family]);
      return { cidr: subtractRectangles(ports, set, rects).map((r) => ({ family, ...r })), keyed: [] };
    }
    const k = peerKey(rule.peer);
    let covered: IntervalSet = [];
    for (const e of entries) covered = union(covered, e.keyed.get(k) ?? []);
    // an unknown range of one family is somewhere inside that family (or inside the known
    // range it lies in): on ports where every address of it is allowed (0.0.0.0/0, ::/0),
    // whatever it turns out to be opens nothing
    if (rule.peer.type === 'unresolved' && rule.peer.family) {
      const family = rule.peer.family;
      const notWhole = subtractRectangles(
        ports,
        rule.peer.within ? cidrToSet(rule.peer.within).set : WHOLE_FAMILY[family],
        entries.flatMap((e) => e.cidr[family]),
      );
      covered = union(covered, subtract([ports], normalise(notWhole.flatMap((r) => r.ports))));
    }
    const left = subtract([ports], covered);
    return { cidr: [], keyed: left.length ? [{ peer: rule.peer, ports: left }] : [] };
  }
}

/**
 * (ports × addrs) minus the union of rectangles, exactly. The port range is cut at every
 * rectangle boundary; within a segment the covered addresses are a plain union. Adjacent
 * segments with the same remainder are merged back.
 */
function subtractRectangles(ports: Interval, addrs: IntervalSet, rects: Rectangle[]): { addrs: IntervalSet; ports: IntervalSet }[] {
  const relevant = rects.filter((r) => r.ports[0] <= ports[1] && r.ports[1] >= ports[0]);
  const cuts = new Set<bigint>([ports[0], ports[1] + 1n]);
  for (const r of relevant) {
    if (r.ports[0] > ports[0]) cuts.add(r.ports[0]);
    if (r.ports[1] + 1n <= ports[1]) cuts.add(r.ports[1] + 1n);
  }
  const points = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const segments: { ports: Interval; addrs: IntervalSet }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const seg: Interval = [points[i]!, points[i + 1]! - 1n];
    let covered: IntervalSet = [];
    for (const r of relevant) if (r.ports[0] <= seg[0] && r.ports[1] >= seg[1]) covered = union(covered, r.addrs);
    const left = subtract(addrs, covered);
    if (!left.length) continue;
    const last = segments[segments.length - 1];
    if (last && last.ports[1] + 1n === seg[0] && equals(last.addrs, left)) last.ports = [last.ports[0], seg[1]];
    else segments.push({ ports: seg, addrs: left });
  }
  // group segments by their address set so each CIDR is listed once with all its ports
  const grouped: { addrs: IntervalSet; ports: IntervalSet }[] = [];
  for (const s of segments) {
    const same = grouped.find((g) => equals(g.addrs, s.addrs));
    if (same) same.ports = normalise([...same.ports, s.ports]);
    else grouped.push({ addrs: s.addrs, ports: [s.ports] });
  }
  return grouped;
}

export function isNothing(o: OpenedAccess): boolean {
  return o.cidr.length === 0 && o.keyed.length === 0;
}
