// A rule's evaluated protocol and ports as the model stores them: canonical protocol, one
// port range, what had to be assumed (widest) because a value was unknown, and the known
// values AWS or Terraform would reject (then the rule opens nothing: the apply fails).
import { Unknown, display, toNumberValue, type Value } from '../evaluate/value.js';
import { isIcmp, normalisePorts, normaliseProtocol } from './protocol.js';
import type { InvalidValue, PortRange, Protocol } from './types.js';

export interface ProtocolAndPorts {
  protocol: Protocol;
  ports: PortRange;
  unresolved: string[];
  /**
   * What the protocol and ports are when one of them is unresolved: each field's known value,
   * or the unknown's normalised expression (its identity, evaluate/unknown-identity.ts); null
   * when all are known. Only the same unknowns stand for the same ports.
   */
  unknownPorts: string | null;
  /** The root variables set outside the repository every unresolved value comes from; [] when one does not (Unknown.setOutside). */
  unresolvedSetOutside: string[];
  invalid: InvalidValue[];
}

export interface RuleFieldRules {
  /** How the resource names the protocol: `protocol`, or `ip_protocol` in the vpc rules. */
  protocolField?: string;
  /**
   * Required arguments known not to be written (not merely evaluating to null, which may be a
   * value set outside the repository): Terraform rejects the configuration.
   */
  missing?: string[];
  /** An inline block: the provider refuses protocol -1 with ports other than 0. */
  inline?: boolean;
}

const ACCEPTED = 'AWS accepts tcp, udp, icmp, icmpv6, all (-1) or a protocol number 0-255';

export function ruleProtocolAndPorts(rawProtocol: Value, rawFrom: Value, rawTo: Value, rules: RuleFieldRules = {}): ProtocolAndPorts {
  const { protocolField = 'protocol', missing = [], inline = false } = rules;
  const unresolved: string[] = [];
  // per unresolved value, the variables set outside the repository it comes from, if it does
  const outside: (readonly string[] | undefined)[] = [];
  const assume = (text: string, from?: Unknown) => {
    unresolved.push(text);
    outside.push(from?.setOutside);
  };
  /** A field as it stands for its value: the unknown's identity, else the value shown. */
  const written = (v: Value): string => (v instanceof Unknown ? v.expr : v === null ? 'null' : display(v));
  // one finding for a block without several required arguments (`from_port and to_port`)
  const invalid: InvalidValue[] = missing.length
    ? [
        {
          field: missing.join(' and '),
          value: null,
          reason: missing.length > 1 ? 'they are required' : 'it is required',
        },
      ]
    : [];
  let protocol: Protocol = 'all';
  let knownProtocol = false;
  if (rawProtocol instanceof Unknown) assume(`protocol ${rawProtocol.expr} (${rawProtocol.reason}): all protocols assumed`, rawProtocol);
  else if (rawProtocol === null) {
    if (!missing.includes(protocolField)) assume('protocol is null here: all protocols assumed');
  } else if (typeof rawProtocol === 'string' || typeof rawProtocol === 'number') {
    const p = normaliseProtocol(rawProtocol);
    if (p === null) invalid.push({ field: protocolField, value: String(rawProtocol), reason: `it is not a protocol: ${ACCEPTED}` });
    else [protocol, knownProtocol] = [p, true];
  } else assume(`protocol ${display(rawProtocol)} is not valid: all protocols assumed`);
  /** The port as a number (-1 when unknown or not a number: the widest range), and whether it is known. */
  const port = (v: Value, field: string): { value: number | null; known: boolean } => {
    if (v === null) return { value: null, known: false };
    if (v instanceof Unknown) {
      assume(`${field} ${v.expr} (${v.reason}): the widest range assumed`, v);
      return { value: -1, known: false };
    }
    try {
      return { value: toNumberValue(v), known: true };
    } catch {
      if (typeof v === 'string') invalid.push({ field, value: v, reason: 'it is not a number' });
      else assume(`${field} ${display(v)} is not a number: the widest range assumed`);
      return { value: -1, known: false };
    }
  };
  const fromPort = port(rawFrom, 'from_port');
  const toPort = port(rawTo, 'to_port');
  const [from, to] = [fromPort.value, toPort.value];
  // tcp/udp ports are a range; for icmp they are a type and a code, in either order
  if ((protocol === 'tcp' || protocol === 'udp') && !invalid.length) {
    for (const [field, v] of [
      ['from_port', from],
      ['to_port', to],
    ] as const)
      if (v !== null && (v > 65535 || !Number.isInteger(v))) invalid.push({ field, value: String(v), reason: 'it is not a port number (0-65535)' });
    if (from !== null && to !== null && from >= 0 && to >= 0 && from > to)
      invalid.push({ field: 'from_port', value: String(from), reason: `it is greater than to_port (${to}): AWS rejects the range` });
  }
  // ICMP type and code are each 0-255, or -1 for all: AWS refuses the rule otherwise ("ICMP
  // code (65535) out of range"), never caps it
  if (isIcmp(protocol) && !invalid.length)
    for (const [field, v, what] of [
      ['from_port', from, 'type'],
      ['to_port', to, 'code'],
    ] as const)
      if (v !== null && (v < -1 || v > 255 || !Number.isInteger(v)))
        invalid.push({ field, value: String(v), reason: `it is the ICMP ${what}, out of range: AWS takes 0-255, or -1 for every ${what}`, icmp: true });
  // every type with one code cannot be expressed: "If you specify all ICMP/ICMPv6 types, you
  // must specify all codes" (EC2 IpPermission), so the rule is refused, not read as all ICMP
  if (isIcmp(protocol) && !invalid.length && fromPort.known && toPort.known && from === -1 && to !== null && to >= 0)
    invalid.push({
      field: 'to_port',
      value: String(to),
      reason: 'it is an ICMP code with every type (from_port = -1): AWS takes a code only with one type, and -1 (every code) with every type',
      icmp: true,
    });
  // the provider's own check on inline blocks (AWS itself would ignore the ports); a standalone
  // aws_security_group_rule with -1 and ports is accepted and opens all traffic
  if (inline && knownProtocol && protocol === 'all' && !invalid.length) {
    const field = fromPort.known && from !== 0 ? 'from_port' : toPort.known && to !== 0 ? 'to_port' : null;
    if (field)
      invalid.push({
        field,
        value: String(field === 'from_port' ? from : to),
        reason: `with protocol -1 (all) an inline rule needs from_port = 0 and to_port = 0: the provider refuses other ports ("must both be 0 to use the 'ALL' "-1" protocol")`,
      });
  }
  const unresolvedSetOutside = outside.length && outside.every(Boolean) ? [...new Set(outside.flatMap((v) => v!))] : [];
  const unknownPorts = unresolved.length ? [knownProtocol ? protocol : written(rawProtocol), written(rawFrom), written(rawTo)].join(' ') : null;
  return { protocol, ports: invalid.length ? [0, 0] : normalisePorts(protocol, from, to), unresolved, unknownPorts, unresolvedSetOutside, invalid };
}
