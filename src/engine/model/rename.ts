// Renaming addresses across a model, so that the base's groups and rules are compared with the
// head's under the head's names (`moved` blocks, instance keys that only changed form).
import type { Model } from './types.js';

/** Every address renamed; an address that stands for several head addresses is copied to each. */
export function renameAddresses(model: Model, rename: (address: string) => string[]): Model {
  const rules = model.rules.flatMap((r) =>
    rename(r.group).flatMap((group) =>
      rename(r.resource).flatMap((resource) => {
        // an inline rule's resource is its group; a self peer is its group too
        const own = (a: string) => (a === r.group ? [group] : rename(a));
        const peers = r.peer.type === 'group' || r.peer.type === 'self' ? own(r.peer.value).map((value) => ({ ...r.peer, value })) : [r.peer];
        return peers.map((peer) => ({ ...r, group, resource: r.resource === r.group ? group : resource, peer }));
      }),
    ),
  );
  return {
    ...model,
    groups: unique(
      model.groups.flatMap((g) => rename(g.address).map((address) => ({ ...g, address }))),
      (g) => g.address,
    ),
    rules: unique(rules, (r) => JSON.stringify([r.group, r.resource, r.direction, r.protocol, r.ports, r.peer, r.location.file, r.location.startLine])),
    declarations: model.declarations.flatMap((d) =>
      rename(d.group).flatMap((group) =>
        (d.resource === d.group ? [group] : rename(d.resource)).map((resource) => ({ ...d, group, resource, references: d.references.flatMap(rename) })),
      ),
    ),
    attachments: model.attachments.flatMap((a) => rename(a.resource).map((resource) => ({ ...a, resource, groups: [...new Set(a.groups.flatMap(rename))] }))),
    resources: unique(
      model.resources.flatMap((r) => rename(r.address).map((address) => ({ ...r, address }))),
      (r) => r.address,
    ),
  };
}

/** Several base instances renamed to one head name give the same group or rule more than once. */
function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
