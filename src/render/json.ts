// `--format json`: exactly one document of the PRODUCT.md §5 shape (engine/result.ts). The
// engine holds ICMP as type × 256 + code; the document shows it as type/code ranges.
import { icmpTypeCodes, isIcmp } from '../engine/model/protocol.js';
import type { PortRange } from '../engine/model/types.js';
import type { Finding, Hop, ReviewDocument, ReviewResult } from '../engine/result.js';

export function renderJson(result: ReviewResult): string {
  return JSON.stringify(toDocument(result), null, 2) + '\n';
}

/** The review as the `sg-review/v1` document. */
export function toDocument(result: ReviewResult): ReviewDocument {
  return {
    ...result,
    findings: result.findings.map(({ access, path, ...f }) => ({
      ...f,
      ...(access ? { access: accessWithIcmp(access) } : {}),
      ...(path ? { path: path.map(hopWithIcmp) } : {}),
    })),
    closed: result.closed.map(withIcmp),
  };
}

function accessWithIcmp(access: NonNullable<Finding['access']>) {
  const { protocol } = access;
  if (!isIcmp(protocol)) return access;
  return { ...access, protocol, opened: access.opened.map(({ peer, ports }) => ({ peer, icmp: icmpTypeCodes(ports) })) };
}

/** A path hop with each of its protocols' ICMP ports as type/code ranges. */
function hopWithIcmp({ otherProtocols, ...hop }: Hop) {
  return { ...withIcmp(hop), ...(otherProtocols ? { otherProtocols: otherProtocols.map(withIcmp) } : {}) };
}

/** A hop's protocol, closed access or model rule with its ICMP ports as type/code ranges. */
export function withIcmp<T extends { protocol: string; ports: PortRange[] }>(item: T) {
  const { protocol } = item;
  if (!isIcmp(protocol)) return item;
  const { ports, ...rest } = item;
  return { ...rest, protocol, icmp: icmpTypeCodes(ports) };
}
