// Protocol and port normalisation (research/semantics.md §1.3: EC2 IpPermission and the
// provider's protocolForValue).
import type { PortRange, Protocol } from './types.js';

const BY_NUMBER: Record<string, Protocol> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };
const NAMES = new Set(['tcp', 'udp', 'icmp', 'icmpv6']);
export const ALL_PORTS: PortRange = [0, 65535];

/** Returns the canonical protocol, or null when the value is not a valid protocol. */
export function normaliseProtocol(raw: string | number): Protocol | null {
  const v = String(raw).trim().toLowerCase();
  if (v === '-1' || v === 'all') return 'all';
  if (NAMES.has(v)) return v;
  // the provider reads a number with Go's strconv.Atoi: an optional sign and leading zeros
  // ("+6" and "006" are tcp, "-01" is all); never treat such a spelling as invalid (no access)
  const number = /^[+-]?\d+$/.test(v) ? String(Number(v)) : null;
  if (number === '-1') return 'all';
  if (number !== null && Object.hasOwn(BY_NUMBER, number)) return BY_NUMBER[number]!;
  if (number !== null && Number(number) >= 0 && Number(number) <= 255) return number;
  return null;
}

export function hasPorts(protocol: Protocol): boolean {
  return protocol === 'tcp' || protocol === 'udp' || protocol === 'icmp' || protocol === 'icmpv6';
}

export function isIcmp(protocol: Protocol): protocol is 'icmp' | 'icmpv6' {
  return protocol === 'icmp' || protocol === 'icmpv6';
}

/** The protocol traffic of both `a` and `b` has (`all` holds every other), or null when none. */
export function commonProtocol(a: Protocol, b: Protocol): Protocol | null {
  if (a === b) return a;
  if (a === 'all') return b;
  if (b === 'all') return a;
  return null;
}

/**
 * The port range a rule opens. `from`/`to` null means "not given". For -1 and protocols other
 * than tcp/udp/icmp/icmpv6, AWS ignores the ports: all of them.
 */
export function normalisePorts(protocol: Protocol, from: number | null, to: number | null): PortRange {
  if (!hasPorts(protocol)) return ALL_PORTS;
  if (isIcmp(protocol)) {
    // from = ICMP type, to = ICMP code; -1 means all (an omitted range on icmpv6 too); AWS
    // refuses a value above 255 (rule-fields.ts reports it and computes no access)
    if (from === null || from < 0) return ALL_PORTS;
    const type = Math.min(from, 255);
    if (to === null || to < 0) return [type * 256, type * 256 + 255];
    return [type * 256 + Math.min(to, 255), type * 256 + Math.min(to, 255)];
  }
  // tcp/udp: a negative bound (-1 in the vpc rule resources) means the whole range; a reversed
  // range is invalid (rule-fields.ts reports it), never silently swapped
  const lo = from === null || from < 0 ? 0 : Math.min(from, 65535);
  const hi = to === null || to < 0 ? 65535 : Math.min(to, 65535);
  return [lo, hi];
}

/** "22", "8000-9000", "all ports", "type 8 code 0", "all types". */
export function describePorts(protocol: Protocol, ranges: PortRange[]): string {
  if (!hasPorts(protocol)) return 'all ports';
  if (isIcmp(protocol))
    return icmpTypeCodes(ranges)
      .map((r) => describeIcmpRectangle(r))
      .join(', ');
  return ranges.map(([a, b]) => (a === 0 && b === 65535 ? 'all ports' : a === b ? String(a) : `${a}-${b}`)).join(', ');
}

/**
 * Ports with their protocol, as a reviewer reads them: "22, 8000-9000/tcp", "all traffic",
 * "protocol 47 (all ports)", "ICMP echo-request (8/0)", "all ICMPv6" (ICMP as type/code, never
 * the model's type × 256 + code).
 */
export function describeProtocolPorts(protocol: Protocol, ranges: PortRange[]): string {
  if (protocol === 'all') return 'all traffic';
  if (!hasPorts(protocol)) return `${describeProtocol(protocol)} (all ports)`;
  if (!isIcmp(protocol)) {
    if (ranges.length === 1 && ranges[0]![0] === 0 && ranges[0]![1] === 65535) return `all ${protocol} ports`;
    return `${describePorts(protocol, ranges)}/${protocol}`;
  }
  const family = protocol === 'icmp' ? 'ICMP' : 'ICMPv6';
  const rects = icmpTypeCodes(ranges);
  if (rects.length === 1 && rects[0]!.types[0] === 0 && rects[0]!.types[1] === 255 && rects[0]!.codes[1] - rects[0]!.codes[0] === 255) return `all ${family}`;
  return `${family} ${rects.map((r) => describeIcmpRectangle(r, protocol)).join(', ')}`;
}

/** ICMP types and codes as a rectangle: types × codes (every code when codes is 0-255). */
export interface IcmpRectangle {
  types: [number, number];
  codes: [number, number];
}

/** The model's encoded ICMP range (type × 256 + code) as type/code rectangles. */
export function icmpRectangles([a, b]: PortRange): IcmpRectangle[] {
  const [ta, ca, tb, cb] = [a >> 8, a & 255, b >> 8, b & 255];
  if (ta === tb) return [{ types: [ta, ta], codes: [ca, cb] }];
  // a partial first type, the whole types between, a partial last type
  const head: IcmpRectangle[] = ca !== 0 ? [{ types: [ta, ta], codes: [ca, 255] }] : [];
  const tail: IcmpRectangle[] = cb !== 255 ? [{ types: [tb, tb], codes: [0, cb] }] : [];
  const first = ca !== 0 ? ta + 1 : ta;
  const last = cb !== 255 ? tb - 1 : tb;
  return [...head, ...(first <= last ? [{ types: [first, last] as [number, number], codes: [0, 255] as [number, number] }] : []), ...tail];
}

/**
 * Encoded ICMP ranges as the fewest type/code rectangles a reader needs: consecutive types with
 * the same codes merged (8/0 and 9/0 are types 8-9, code 0).
 */
export function icmpTypeCodes(ranges: PortRange[]): IcmpRectangle[] {
  const out: IcmpRectangle[] = [];
  for (const r of [...ranges].sort((a, b) => a[0] - b[0]).flatMap(icmpRectangles)) {
    const last = out.at(-1);
    if (last && last.types[1] + 1 === r.types[0] && last.codes[0] === r.codes[0] && last.codes[1] === r.codes[1]) last.types = [last.types[0], r.types[1]];
    else out.push({ types: [...r.types], codes: [...r.codes] });
  }
  return out;
}

// IANA names of the common types (research/semantics.md §1.3: type 8 = echo request; ICMPv6 128)
const ICMP_NAMES: Record<string, Record<number, string>> = {
  icmp: {
    0: 'echo-reply',
    3: 'destination-unreachable',
    5: 'redirect',
    8: 'echo-request',
    11: 'time-exceeded',
    12: 'parameter-problem',
    13: 'timestamp',
    14: 'timestamp-reply',
  },
  icmpv6: { 1: 'destination-unreachable', 2: 'packet-too-big', 3: 'time-exceeded', 4: 'parameter-problem', 128: 'echo-request', 129: 'echo-reply' },
};

function describeIcmpRectangle({ types: [t1, t2], codes: [c1, c2] }: IcmpRectangle, protocol = ''): string {
  const allCodes = c1 === 0 && c2 === 255;
  if (t1 === 0 && t2 === 255 && allCodes) return 'all types';
  if (t1 !== t2) return `types ${t1}-${t2}${allCodes ? '' : c1 === c2 ? ` code ${c1}` : ` codes ${c1}-${c2}`}`;
  const name = ICMP_NAMES[protocol]?.[t1];
  const codes = allCodes ? 'all codes' : c1 === c2 ? `${t1}/${c1}` : `codes ${c1}-${c2}`;
  if (name) return `${name} (${allCodes ? `type ${t1}, all codes` : c1 === c2 ? codes : `type ${t1}, ${codes}`})`;
  return allCodes ? `type ${t1} (all codes)` : c1 === c2 ? `type ${t1} code ${c1} (${codes})` : `type ${t1} ${codes}`;
}

/** All traffic first, then tcp and udp (where the services are), ICMP, other protocols. */
export function protocolOrder(a: Protocol, b: Protocol): number {
  const rank = (p: Protocol) => ['all', 'tcp', 'udp', 'icmp', 'icmpv6'].indexOf(p) >>> 0;
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Protocol as people say it: "tcp", "all protocols", "protocol 47". */
export function describeProtocol(protocol: Protocol): string {
  if (protocol === 'all') return 'all protocols';
  if (/^\d+$/.test(protocol)) return `protocol ${protocol}`;
  return protocol;
}
