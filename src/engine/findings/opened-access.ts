// Shared by new-ingress and new-egress: each head rule's contribution to newly opened access,
// grouped per declaring rule (resource and lines), group and protocol.
import { code } from './code-span.js';
import { toPortRange, type ReviewSettings, type Severity } from '../settings.js';
import { isNothing, type OpenedAccess } from '../access/access.js';
import { cidrToSet, hasPublicAddresses, isInternetWide, rangeExcept, setToCidrs, widerThan, type Family } from '../access/cidr.js';
import { intersect, isEmpty, normalise, subtract, union, type IntervalSet } from '../access/intervals.js';
import { fingerprint, maxSeverity } from './finding.js';
import type { Opened } from '../result.js';
import { SENSITIVE_PORTS, serviceName } from './sensitive-ports.js';
import { describeProtocolPorts, hasPorts, isIcmp } from '../model/protocol.js';
import type { Direction, Model, Rule } from '../model/types.js';
import type { ReviewContext } from './context.js';

export interface OpenedByRule {
  rules: Rule[];
  opened: OpenedAccess;
  /** What each of the rules opens, for the words (see openedShown). */
  parts: { rule: Rule; opened: OpenedAccess }[];
}

/** Head rules that open something the base did not, merged per declaration and protocol. */
export function openedByDeclaration(ctx: ReviewContext, direction: Direction): OpenedByRule[] {
  const groups = new Map<string, OpenedByRule>();
  for (const rule of ctx.head.rules) {
    if (rule.direction !== direction || rule.peer.type === 'unresolved') continue;
    const opened = ctx.baseAccess.opened(rule);
    if (isNothing(opened)) continue;
    const key = [rule.resource, rule.location.file, rule.location.startLine, rule.group, rule.protocol].join('\0');
    const entry = groups.get(key);
    if (entry) {
      entry.rules.push(rule);
      entry.opened.cidr.push(...opened.cidr);
      entry.opened.keyed.push(...opened.keyed);
      entry.parts.push({ rule, opened });
    } else groups.set(key, { rules: [rule], opened: { cidr: [...opened.cidr], keyed: [...opened.keyed] }, parts: [{ rule, opened }] });
  }
  return [...groups.values()];
}

export const toRanges = (set: IntervalSet): [number, number][] => set.map(([a, b]) => [Number(a), Number(b)]);

/** The opened access in PRODUCT.md §5 form: CIDRs as the minimal CIDR list. */
export function openedJson(opened: OpenedAccess): Opened[] {
  const out: Opened[] = [];
  for (const c of opened.cidr) for (const cidr of setToCidrs(c.addrs, c.family)) out.push({ peer: { type: 'cidr', value: cidr }, ports: toRanges(c.ports) });
  for (const k of opened.keyed) out.push({ peer: k.peer, ports: toRanges(k.ports) });
  return out;
}

/** Opened access as the message shows it: a partly opened range once, with what was already allowed of it as `except`. */
export interface OpenedShown extends Opened {
  except?: string[];
}

/**
 * The opened access of each rule in a reader's words: a rule's range of which the base already
 * allowed a part is that range "except" the part, not what is left of it in pieces
 * (0.0.0.0/0 where the base allowed 10.0.0.0/8 was 0.0.0.0/5, 8.0.0.0/7, …). The JSON
 * (openedJson) stays the exact list of CIDRs.
 */
export function openedShown(parts: OpenedByRule['parts']): OpenedShown[] {
  const out: OpenedShown[] = [];
  for (const { rule, opened } of parts) {
    for (const c of opened.cidr) {
      const ports = toRanges(c.ports);
      const except = rule.peer.type === 'cidr' ? rangeExcept(rule.peer.value, c.addrs, c.family) : [];
      if (except.length) out.push({ peer: { type: 'cidr', value: rule.peer.value }, ports, except });
      else for (const cidr of setToCidrs(c.addrs, c.family)) out.push({ peer: { type: 'cidr', value: cidr }, ports });
    }
  }
  for (const { opened } of parts) for (const k of opened.keyed) out.push({ peer: k.peer, ports: toRanges(k.ports) });
  return out;
}

/** The data stores attached to a group whose listening port is known: their ports are sensitive there, whatever the number. */
export function dataStorePorts(model: Pick<Model, 'attachments'>, group: string): { resource: string; port: number }[] {
  return model.attachments.flatMap((a) => (a.dataStore && a.port !== undefined && a.groups.includes(group) ? [{ resource: a.resource, port: a.port }] : []));
}

/** The ports of `stores` as a set (tcp: what RDS, ElastiCache and the others listen on). */
export function storePortSet(protocol: string, stores: readonly { port: number }[]): IntervalSet {
  return protocol === 'tcp' || protocol === 'all' ? normalise(stores.map((s) => [BigInt(s.port), BigInt(s.port)] as const)) : [];
}

export function sensitiveSet(config: Pick<ReviewSettings, 'sensitive_ports'>, protocol: string): IntervalSet {
  if (config.sensitive_ports) return normalise(config.sensitive_ports.map(toPortRange).map(([a, b]) => [BigInt(a), BigInt(b)] as const));
  return normalise(SENSITIVE_PORTS.filter((p) => p.protocol === protocol || protocol === 'all').map((p) => [BigInt(p.ports[0]), BigInt(p.ports[1])] as const));
}

function trustedSet(config: Pick<ReviewSettings, 'trusted_cidrs'>, family: Family): IntervalSet {
  return normalise(
    config.trusted_cidrs
      .map(cidrToSet)
      .filter((c) => c.family === family)
      .flatMap((c) => c.set),
  );
}

export interface Classified {
  severity: Severity;
  internet: boolean;
  sensitive: IntervalSet;
  why: string;
}

/** The ports allowed to be public (`allowed_public_ports`), as one set. */
export function allowedPublicSet(config: Pick<ReviewSettings, 'allowed_public_ports'>): IntervalSet {
  return normalise(config.allowed_public_ports.map(toPortRange).map(([a, b]) => [BigInt(a), BigInt(b)] as const));
}

/** Severity of newly opened ingress (PRODUCT.md §3). */
export function classifyIngress(
  protocol: string,
  opened: OpenedAccess,
  config: Pick<ReviewSettings, 'allowed_public_ports' | 'sensitive_ports' | 'trusted_cidrs'>,
  /** The ports at which the group's rules together newly admit the internet of a family (a range split into pieces). */
  internetTogether: (family: Family, ports: IntervalSet) => IntervalSet = () => [],
  /** Ports sensitive on this group only: those its data stores listen on. */
  storePorts: IntervalSet = [],
): Classified {
  const sensitivePorts = union(sensitiveSet(config, protocol), storePorts);
  const allowed = allowedPublicSet(config);
  const allPorts =
    !hasPorts(protocol) || (protocol !== 'icmp' && protocol !== 'icmpv6' && opened.cidr.some((c) => c.ports.some(([a, b]) => a === 0n && b === 65535n)));
  let result: Classified = { severity: 'low', internet: false, sensitive: [], why: 'a narrow range or a group reference' };
  for (const c of opened.cidr) {
    const addrs = subtract(c.addrs, trustedSet(config, c.family));
    if (isEmpty(addrs)) continue;
    const icmp = protocol === 'icmp' || protocol === 'icmpv6';
    const sensitive = icmp ? [] : hasPorts(protocol) ? intersect(c.ports, sensitivePorts) : sensitivePorts;
    const portsAllOrSensitive = !icmp && (allPorts || !isEmpty(sensitive));
    const alone = isInternetWide(addrs, c.family);
    // a piece of the internet is the internet only on the ports where the pieces meet
    const ports = alone ? c.ports : internetTogether(c.family, c.ports);
    let internet: Classified | null = null;
    if (!isEmpty(ports)) {
      const open = alone ? sensitive : icmp ? [] : hasPorts(protocol) ? intersect(ports, sensitivePorts) : sensitivePorts;
      const every = alone ? allPorts : !hasPorts(protocol) || (!icmp && ports.some(([a, b]) => a === 0n && b === 65535n));
      if (!icmp && (every || !isEmpty(open)))
        internet = {
          severity: 'critical',
          internet: true,
          sensitive: open,
          why: every ? 'the internet can reach every port' : 'the internet can reach a sensitive port',
        };
      else if (icmp || isEmpty(subtract(ports, allowed)))
        internet = {
          severity: 'low',
          internet: true,
          sensitive: open,
          why: icmp ? 'ICMP from the internet' : 'a port allowed to be public (`allowed_public_ports`)',
        };
      else internet = { severity: 'high', internet: true, sensitive: open, why: 'the internet can reach a port not in `allowed_public_ports`' };
    }
    // a piece's other ports are still a public range's
    const range: Classified | null =
      !alone && portsAllOrSensitive && (hasPublicAddresses(addrs, c.family) || widerThan(addrs, c.family, 16))
        ? {
            severity: 'medium',
            internet: false,
            sensitive,
            why: hasPublicAddresses(addrs, c.family)
              ? 'a public range can reach a sensitive port'
              : 'a private range wider than /16 can reach a sensitive port',
          }
        : null;
    const next = internet && (!range || maxSeverity(internet.severity, range.severity) === internet.severity) ? internet : range;
    if (!next) continue;
    if (maxSeverity(next.severity, result.severity) !== result.severity || (next.internet && !result.internet)) result = next;
  }
  return result;
}

/**
 * The internet as a title names it: "the internet (IPv6)" when only IPv6 addresses reach it, so
 * that the ::/0 twin of a 0.0.0.0/0 rule (registry modules declare both) reads differently.
 */
export function internetName(opened: OpenedAccess): string {
  const families = new Set(opened.cidr.filter((c) => isInternetWide(c.addrs, c.family)).map((c) => c.family));
  return families.size === 1 && families.has(6) ? 'the internet (IPv6)' : 'the internet';
}

/** "SSH (22/tcp)", "8000-9000/tcp", "all traffic", "ICMP echo-request (8/0)". */
export function describeAccess(protocol: string, given: [number, number][]): string {
  // the ports of several peers: each port once, in order
  const ports = toRanges(normalise(given.map(([a, b]) => [BigInt(a), BigInt(b)] as const)));
  const text = describeProtocolPorts(protocol, ports);
  if (!hasPorts(protocol) || isIcmp(protocol)) return text;
  const name = ports.length === 1 ? serviceName(protocol, ports[0]!) : null;
  return name ? `${name} (${text})` : text;
}

/**
 * tcp/udp ranges as rules admit them, each described on its own: overlapping ranges are merged,
 * adjacent ones stay apart unless one service covers both, so that 22 and 23 written as two
 * rules read "SSH (22/tcp), Telnet (23/tcp)", not "22-23/tcp".
 */
export function describeServices(protocol: string, admitted: readonly (readonly [number, number])[]): string[] {
  const merged: [number, number][] = [];
  for (const [a, b] of [...admitted].sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
    const last = merged[merged.length - 1];
    if (last && (a <= last[1] || (a === last[1] + 1 && serviceName(protocol, [last[0], b])))) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged.map((r) => describeAccess(protocol, [r]));
}

/** Resources that attach a group, for "what is exposed" sentences. */
export function attachedTo(model: Model, group: string): string[] {
  return model.attachments.filter((a) => a.groups.includes(group)).map((a) => `${code(a.resource)}${a.exposure ? ` (${a.exposure})` : ''}`);
}

export function accessFingerprint(rule: string, first: Rule, opened: Opened[]): string {
  return fingerprint(
    rule,
    first.resource,
    first.group,
    first.direction,
    first.protocol,
    opened.map((o) => [o.peer.type, o.peer.value, o.ports]),
  );
}
