// `model --format json`: the evaluated model as data, with ICMP rules and declarations shown
// as type/code ranges (`icmp` in place of `ports`) as in the sg-review/v1 document.
import { isIcmp } from '../engine/model/protocol.js';
import type { Model, PortRange, Protocol } from '../engine/model/types.js';
import { withIcmp } from './json.js';

export function renderModelJson(model: Model): string {
  const shown = <T extends { protocol: Protocol; ports: PortRange }>(item: T) => (isIcmp(item.protocol) ? withIcmp({ ...item, ports: [item.ports] }) : item);
  return JSON.stringify({ ...model, rules: model.rules.map(shown), declarations: model.declarations.map(shown) }, null, 2) + '\n';
}
