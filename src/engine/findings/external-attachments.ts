// A resource that exists at the base and is given a group whose rules this configuration does
// not hold (a data source, a literal `sg-…` id, a variable set outside): what that group admits
// is not known here, and may be the internet (the console wizard's `launch-wizard-1` opens SSH
// to the world). Never counted as safe: reported as unresolved, high when the resource is
// internet-facing (medium when it replaces another such group). A new resource's groups are a new stack's, reviewed through its rules.
import { code } from './code-span.js';
import { fingerprint } from './finding.js';
import { resourceType } from '../model/peer.js';
import type { Attachment } from '../model/types.js';
import type { RuleFinding } from '../result.js';
import { groupsByResource } from '../model/attachments.js';
import type { ReviewContext } from './context.js';

export function externalAttachmentFindings(ctx: ReviewContext): RuleFinding[] {
  const existing = new Set(ctx.base.resources.map((r) => r.address));
  const atBase = groupsByResource(ctx.base);
  const out: RuleFinding[] = [];
  for (const a of ctx.head.attachments) {
    // an interface endpoint's network interfaces have private addresses only
    if (a.type === 'aws_vpc_endpoint') continue;
    // an attachment to an interface whose owner cannot be told (a variable): an interface that exists
    const ownerUnknown = a.type === 'aws_network_interface_sg_attachment' && resourceType(a.resource) === a.type;
    if (!existing.has(a.resource) && !ownerUnknown) continue;
    const had = atBase.get(a.resource) ?? [];
    const outside = [...a.groups.filter((g) => !ctx.headGroups.has(g)), ...(a.unknownGroups ?? [])].filter((g) => !had.includes(g));
    if (!outside.length) continue;
    // one outside group swapped for another: no less known than before
    const swapped = had.some((g) => !ctx.baseGroups.has(g));
    // a group given to an instance's primary interface faces the internet as the instance does
    // (its own flag, an Elastic IP); one on another interface attached to it, as that interface
    const facing =
      a.type === 'aws_network_interface_attachment'
        ? a.internetFacing === true
        : ctx.head.attachments.some((x) => x.resource === a.resource && x.type !== 'aws_network_interface_attachment' && x.internetFacing === true);
    out.push(finding(a, outside, swapped, facing));
  }
  return out;
}

function finding(a: Attachment, outside: string[], swapped: boolean, facing: boolean): RuleFinding {
  const named = outside.map((g) => code(g)).join(', ');
  return {
    severity: facing && !swapped ? 'high' : 'medium',
    fingerprint: fingerprint('unresolved-value', a.resource, 'attached', outside),
    title: `${a.resource} is given ${outside.length > 1 ? 'groups' : 'a group'} whose rules are not in this configuration`,
    message: [
      `${code(a.resource)}${a.exposure ? ` (${a.exposure})` : ''} is newly attached to ${named}, whose rules are managed outside this configuration (or not known here): what ${outside.length > 1 ? 'they admit' : 'it admits'} is not known, and may be the internet.`,
      '',
      facing
        ? 'The resource is internet-facing: if the group admits the internet, the resource is reachable from it.'
        : 'The resource has private addresses as far as the configuration shows: the group still admits whatever its rules allow from inside the network.',
      ...(swapped ? ['', 'It had a group whose rules are not known here at the base too: both are unknown, so this may open nothing new.'] : []),
      '',
      "Check the group's rules where they are managed, or attach a group of this configuration.",
    ].join('\n'),
    resource: a.resource,
    location: a.location,
  };
}
