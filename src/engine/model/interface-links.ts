// Resources that give another resource a network interface or a public address, rather than
// groups of their own: `aws_network_interface_attachment` puts an interface (in its groups) on
// an instance, so the instance answers on it; `aws_eip` / `aws_eip_association` give an
// instance or an interface a public address, so it faces the internet. Resolved once every
// attachment is known; a link whose ends cannot be told is dropped (nothing assumed).
import type { Attachment, Model } from './types.js';

export function applyInterfaceLinks(model: Model): void {
  const links = model.attachments.filter((a) => a.link);
  const own = model.attachments.filter((a) => !a.link);
  // public addresses first: an interface given an Elastic IP faces the internet on the instance it is attached to
  for (const l of links)
    if (l.link!.kind === 'public-address')
      for (const a of own.filter((x) => x.resource === l.resource))
        Object.assign(a, { internetFacing: true, exposure: 'has an Elastic IP', facingLocation: l.location } satisfies Partial<Attachment>);
  const resolved: Attachment[] = [];
  for (const l of links) {
    if (l.link!.kind !== 'interface' || !l.link!.via) continue;
    const interfaces = own.filter((x) => x.resource === l.link!.via);
    const groups = [...new Set(interfaces.flatMap((x) => x.groups))];
    // groups not known here (a data source, a variable) come along too: the instance is in them
    const unknownGroups = [...new Set(interfaces.flatMap((x) => x.unknownGroups ?? []))];
    const facing = interfaces.some((x) => x.internetFacing === true) ? true : interfaces.some((x) => x.internetFacing === null) ? null : false;
    const { link: _, ...rest } = l;
    resolved.push({
      ...rest,
      groups,
      ...(unknownGroups.length ? { unknownGroups } : {}),
      internetFacing: facing,
      exposure: facing ? 'has a public address on an attached interface' : null,
    });
  }
  model.attachments = [...own, ...resolved];
}
