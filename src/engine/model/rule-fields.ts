// A rule's evaluated protocol and ports as the model stores them: canonical protocol, one
// port range, and what had to be assumed (widest) because a value was unknown or invalid.
import { Unknown, display, toNumberValue, type Value } from '../evaluate/value.js';
import { normalisePorts, normaliseProtocol } from './protocol.js';
import type { PortRange, Protocol } from './types.js';

export function ruleProtocolAndPorts(rawProtocol: Value, rawFrom: Value, rawTo: Value): { protocol: Protocol; ports: PortRange; unresolved: string[] } {
  const unresolved: string[] = [];
  let protocol: Protocol = 'all';
  if (rawProtocol instanceof Unknown) unresolved.push(`protocol ${rawProtocol.expr} (${rawProtocol.reason}): all protocols assumed`);
  else if (rawProtocol === null) unresolved.push('no protocol: all protocols assumed');
  else {
    const p = typeof rawProtocol === 'string' || typeof rawProtocol === 'number' ? normaliseProtocol(rawProtocol) : null;
    if (p === null) unresolved.push(`protocol ${display(rawProtocol)} is not valid: all protocols assumed`);
    else protocol = p;
  }
  const port = (v: Value, name: string): number | null => {
    if (v === null) return null;
    if (v instanceof Unknown) {
      unresolved.push(`${name} ${v.expr} (${v.reason}): the widest range assumed`);
      return -1;
    }
    try {
      return toNumberValue(v);
    } catch {
      unresolved.push(`${name} ${display(v)} is not a number: the widest range assumed`);
      return -1;
    }
  };
  const from = port(rawFrom, 'from_port');
  const to = port(rawTo, 'to_port');
  return { protocol, ports: normalisePorts(protocol, from, to), unresolved };
}
