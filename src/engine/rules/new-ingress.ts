// new-ingress: the head allows inbound access the base did not.
import type { RuleFinding } from '../result.js';
import { code } from '../findings/code-span.js';
import { conditionNote, formatOpened, groupTitle, openedPeerShort, openedPeerTitle, setOutsideNote } from '../findings/describe.js';
import { changedInputsNote, placeAtCause } from '../findings/changed-inputs.js';
import { defineRule } from '../findings/define-rule.js';
import { peersSetOutsideFindings } from '../findings/set-outside.js';
import { entryLoadBalancers } from '../findings/load-balancer-entry.js';
import { subtract } from '../access/intervals.js';
import {
  accessFingerprint,
  attachedTo,
  classifyIngress,
  dataStorePorts,
  describeAccess,
  internetName,
  openedByDeclaration,
  openedJson,
  openedShown,
  storePortSet,
} from '../findings/opened-access.js';
import { describeProtocolPorts } from '../model/protocol.js';

export const newIngress = defineRule({
  id: 'new-ingress',
  severity: 'critical',
  summary: 'The change allows inbound access that the base did not.',
  check(ctx) {
    const opened: RuleFinding[] = openedByDeclaration(ctx, 'ingress').map(({ rules, opened, parts }) => {
      const first = rules[0]!;
      const json = openedJson(opened);
      const shown = openedShown(parts);
      const stores = dataStorePorts(ctx.head, first.group);
      const c = classifyIngress(
        first.protocol,
        opened,
        ctx.config,
        (family, ports) =>
          subtract(
            ctx.headInternet.piecedAt(first.group, first.protocol, family, ports),
            ctx.baseInternet.internetAt(first.group, first.protocol, family, ports),
          ),
        storePortSet(first.protocol, stores),
      );
      const allPorts = json.flatMap((o) => o.ports);
      const ports = json.length === 1 ? json[0]!.ports : allPorts;
      // a data store listening on a port that names another service (PostgreSQL on 443) is named, not the service
      const reached = c.internet && first.protocol === 'tcp' ? stores.filter((s) => ports.some(([a, b]) => a <= s.port && s.port <= b)) : [];
      const what = reached.length
        ? `The port ${reached.map((s) => s.resource).join(', ')} listen${reached.length > 1 ? '' : 's'} on (${describeProtocolPorts(first.protocol, ports)})`
        : describeAccess(first.protocol, ports);
      const internet = internetName(opened);
      const source = (peer: typeof openedPeerShort) => (c.internet ? internet : shown.length === 1 ? peer(shown[0]!) : `${shown.length} sources`);
      const from = source(openedPeerShort);
      const exposed = attachedTo(ctx.head, first.group);
      const lines = [`**${what}** is newly allowed **from ${from}** into ${code(first.group)} (${c.why}).`, '', formatOpened(first.protocol, shown)];
      if (exposed.length) lines.push('', `Attached to this group: ${exposed.join(', ')}.`);
      const changedInput = changedInputsNote(ctx, first);
      if (changedInput) lines.push('', changedInput);
      const condition = conditionNote(first);
      if (condition) lines.push('', condition);
      const setOutside = setOutsideNote(first);
      if (setOutside) lines.push('', setOutside);
      const balancers = c.internet ? entryLoadBalancers(ctx.head, first.group) : [];
      lines.push(
        '',
        balancers.length
          ? `Fix: this is the group of ${balancers.map((b) => code(b)).join(', ')} (internet-facing): open only its listener ports to the internet.`
          : c.internet
            ? 'Fix: narrow the source to the addresses that need access, or reference the security group of the load balancer or bastion in front of this group instead of a CIDR.'
            : 'Check that the new source needs this access; prefer a security-group reference to a CIDR range.',
      );
      return placeAtCause(ctx, first, {
        severity: c.severity,
        fingerprint: accessFingerprint('new-ingress', first, json),
        title: `${what} opened ${c.internet ? `to ${internet}` : `from ${source(openedPeerTitle)}`} on ${groupTitle(first.group)}`,
        message: lines.join('\n'),
        resource: first.resource,
        location: first.location,
        access: { direction: 'ingress', group: first.group, protocol: first.protocol, opened: json },
      });
    });
    return [...opened, ...peersSetOutsideFindings(ctx, 'new-ingress', 'ingress')];
  },
});
