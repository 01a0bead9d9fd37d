// new-egress: the head allows outbound access the base did not. Allow-all egress is AWS's own
// default for a new group, so it is low; medium when it opens the internet to a data store
// (also in pieces, across the groups of one resource: see access/internet-union.ts).
import type { RuleFinding } from '../result.js';
import { code } from '../findings/code-span.js';
import { isInternetWide } from '../access/cidr.js';
import { isEmpty, subtract } from '../access/intervals.js';
import { conditionNote, formatOpened, groupTitle, openedPeerShort, openedPeerTitle, setOutsideNote } from '../findings/describe.js';
import { changedInputsNote, placeAtCause } from '../findings/changed-inputs.js';
import { defineRule } from '../findings/define-rule.js';
import { peersSetOutsideFindings } from '../findings/set-outside.js';
import { accessFingerprint, attachedTo, describeAccess, internetName, openedByDeclaration, openedJson, openedShown } from '../findings/opened-access.js';

export const newEgress = defineRule({
  id: 'new-egress',
  severity: 'low',
  summary: 'The change allows outbound access that the base did not.',
  check(ctx) {
    const opened: RuleFinding[] = openedByDeclaration(ctx, 'egress').map(({ rules, opened, parts }) => {
      const first = rules[0]!;
      const json = openedJson(opened);
      const shown = openedShown(parts);
      // a piece of the internet is the internet on the ports where the group's pieces (and those of the groups attached with it) meet
      const internet = opened.cidr.some(
        (c) =>
          isInternetWide(c.addrs, c.family) ||
          !isEmpty(
            subtract(
              ctx.headInternetEgress.piecedAt(first.group, first.protocol, c.family, c.ports),
              ctx.baseInternetEgress.internetAt(first.group, first.protocol, c.family, c.ports),
            ),
          ),
      );
      const dataStores = ctx.head.attachments.filter((a) => a.dataStore && a.groups.includes(first.group));
      const severity = internet && dataStores.length ? 'medium' : 'low';
      const what = describeAccess(
        first.protocol,
        json.flatMap((o) => o.ports),
      );
      const destination = (peer: typeof openedPeerShort) =>
        internet ? internetName(opened) : shown.length === 1 ? peer(shown[0]!) : `${shown.length} destinations`;
      const to = destination(openedPeerShort);
      const exposed = attachedTo(ctx.head, first.group);
      const lines = [`**${what}** is newly allowed **to ${to}** from ${code(first.group)}.`, '', formatOpened(first.protocol, shown)];
      if (exposed.length) lines.push('', `Attached to this group: ${exposed.join(', ')}.`);
      const changedInput = changedInputsNote(ctx, first);
      if (changedInput) lines.push('', changedInput);
      const condition = conditionNote(first);
      if (condition) lines.push('', condition);
      const setOutside = setOutsideNote(first);
      if (setOutside) lines.push('', setOutside);
      if (severity === 'medium')
        lines.push('', 'A data store that can reach the internet can exfiltrate data: limit egress to the services it needs (VPC endpoints, prefix lists).');
      return placeAtCause(ctx, first, {
        severity,
        fingerprint: accessFingerprint('new-egress', first, json),
        title: `${what} opened to ${destination(openedPeerTitle)} from ${groupTitle(first.group)}`,
        message: lines.join('\n'),
        resource: first.resource,
        location: first.location,
        access: { direction: 'egress', group: first.group, protocol: first.protocol, opened: json },
      });
    });
    return [...opened, ...peersSetOutsideFindings(ctx, 'new-egress', 'egress')];
  },
});
