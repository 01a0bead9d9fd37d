// new-egress: the head allows outbound access the base did not. Allow-all egress is AWS's own
// default for a new group, so it is low; medium when it opens the internet to a data store.
import { isInternetWide } from '../access/cidr.js';
import { describePeerShort, formatOpened } from './describe.js';
import { changedInputsNote } from './changed-inputs.js';
import type { FindingRule } from './context.js';
import { accessFingerprint, attachedTo, describeAccess, openedByDeclaration, openedJson } from './opened-access.js';

export const newEgress: FindingRule = {
  id: 'new-egress',
  defaultSeverity: 'low',
  summary: 'The change allows outbound access that the base did not.',
  docs: 'docs/rules/new-egress.md',
  check(ctx) {
    return openedByDeclaration(ctx, 'egress').map(({ rules, opened }) => {
      const first = rules[0]!;
      const json = openedJson(opened);
      const internet = opened.cidr.some((c) => isInternetWide(c.addrs, c.family));
      const dataStores = ctx.head.attachments.filter((a) => a.dataStore && a.groups.includes(first.group));
      const severity = internet && dataStores.length ? 'medium' : 'low';
      const what = describeAccess(
        first.protocol,
        json.flatMap((o) => o.ports),
      );
      const to = internet ? 'the internet' : json.length === 1 ? describePeerShort(json[0]!.peer) : `${json.length} destinations`;
      const exposed = attachedTo(ctx.head, first.group);
      const lines = [`**${what}** is newly allowed **to ${to}** from \`${first.group}\`.`, '', formatOpened(first.protocol, json)];
      if (exposed.length) lines.push('', `Attached to this group: ${exposed.join(', ')}.`);
      const changedInput = changedInputsNote(ctx, first);
      if (changedInput) lines.push('', changedInput);
      if (severity === 'medium')
        lines.push('', 'A data store that can reach the internet can exfiltrate data: limit egress to the services it needs (VPC endpoints, prefix lists).');
      return {
        rule: 'new-egress',
        severity,
        fingerprint: accessFingerprint('new-egress', first, json),
        title: `${what} opened to ${to} from ${first.group}`,
        message: lines.join('\n'),
        resource: first.resource,
        location: first.location,
        access: { direction: 'egress', group: first.group, protocol: first.protocol, opened: json },
      };
    });
  },
};
