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
  if (Object.hasOwn(BY_NUMBER, v)) return BY_NUMBER[v]!;
  if (/^\d+$/.test(v) && Number(v) <= 255) return String(Number(v));
  return null;
}

export function hasPorts(protocol: Protocol): boolean {
  return protocol === 'tcp' || protocol === 'udp' || protocol === 'icmp' || protocol === 'icmpv6';
}

export function isIcmp(protocol: Protocol): boolean {
  return protocol === 'icmp' || protocol === 'icmpv6';
}

/**
 * The port range a rule opens. `from`/`to` null means "not given". For -1 and protocols other
 * than tcp/udp/icmp/icmpv6, AWS ignores the ports: all of them.
 */
export function normalisePorts(protocol: Protocol, from: number | null, to: number | null): PortRange {
  if (!hasPorts(protocol)) return ALL_PORTS;
  if (isIcmp(protocol)) {
    // from = ICMP type, to = ICMP code; -1 means all (an omitted range on icmpv6 too)
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
  return ranges
    .map(([a, b]) => {
      if (isIcmp(protocol)) {
        if (a === 0 && b === 65535) return 'all types';
        const ta = a >> 8;
        const tb = b >> 8;
        if (ta === tb && (a & 255) === 0 && (b & 255) === 255) return `type ${ta}`;
        if (a === b) return `type ${ta} code ${a & 255}`;
        return `types ${ta}-${tb}`;
      }
      if (a === 0 && b === 65535) return 'all ports';
      return a === b ? String(a) : `${a}-${b}`;
    })
    .join(', ');
}

/** Protocol as people say it: "tcp", "all protocols", "protocol 47". */
export function describeProtocol(protocol: Protocol): string {
  if (protocol === 'all') return 'all protocols';
  if (/^\d+$/.test(protocol)) return `protocol ${protocol}`;
  return protocol;
}
