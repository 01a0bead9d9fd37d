// A rule's evaluated protocol and ports as the model stores them: canonical protocol, one
// port range, what had to be assumed (widest) because a value was unknown, and the known
// values AWS would reject (then the rule opens nothing: the apply fails).
import { Unknown, display, toNumberValue, type Value } from '../evaluate/value.js';
import { normalisePorts, normaliseProtocol } from './protocol.js';
import type { InvalidValue, PortRange, Protocol } from './types.js';

export interface ProtocolAndPorts {
  protocol: Protocol;
  ports: PortRange;
  unresolved: string[];
  invalid: InvalidValue[];
}

const ACCEPTED = 'AWS accepts tcp, udp, icmp, icmpv6, all (-1) or a protocol number 0-255';

/** `protocolField` is how the resource names it: `protocol`, or `ip_protocol` in the vpc rules. */
export function ruleProtocolAndPorts(rawProtocol: Value, rawFrom: Value, rawTo: Value, protocolField = 'protocol'): ProtocolAndPorts {
  const unresolved: string[] = [];
  const invalid: InvalidValue[] = [];
  let protocol: Protocol = 'all';
  if (rawProtocol instanceof Unknown) unresolved.push(`protocol ${rawProtocol.expr} (${rawProtocol.reason}): all protocols assumed`);
  else if (rawProtocol === null) unresolved.push('no protocol: all protocols assumed');
  else if (typeof rawProtocol === 'string' || typeof rawProtocol === 'number') {
    const p = normaliseProtocol(rawProtocol);
    if (p === null) invalid.push({ field: protocolField, value: String(rawProtocol), reason: `it is not a protocol: ${ACCEPTED}` });
    else protocol = p;
  } else unresolved.push(`protocol ${display(rawProtocol)} is not valid: all protocols assumed`);
  const port = (v: Value, field: string): number | null => {
    if (v === null) return null;
    if (v instanceof Unknown) {
      unresolved.push(`${field} ${v.expr} (${v.reason}): the widest range assumed`);
      return -1;
    }
    try {
      return toNumberValue(v);
    } catch {
      if (typeof v === 'string') invalid.push({ field, value: v, reason: 'it is not a number' });
      else unresolved.push(`${field} ${display(v)} is not a number: the widest range assumed`);
      return -1;
    }
  };
  const from = port(rawFrom, 'from_port');
  const to = port(rawTo, 'to_port');
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
  return { protocol, ports: invalid.length ? [0, 0] : normalisePorts(protocol, from, to), unresolved, invalid };
}
