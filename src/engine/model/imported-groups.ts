// An `import` block states the id of the existing group a resource becomes:
// `import { to = aws_security_group.lb, id = "sg-0a1b…" }` makes sg-0a1b… the group
// aws_security_group.lb, so a rule or a resource naming that id names that group, and a path
// through it is seen (red24 #17). Only ids known here, of group resources, are taken.
import type { Model, Peer } from './types.js';

export function aliasImportedGroups(model: Model, ids: ReadonlyMap<string, string>): void {
  if (!ids.size) return;
  const alias = (key: string) => ids.get(key) ?? key;
  for (const r of model.rules) {
    r.group = alias(r.group);
    if (r.peer.type === 'group') r.peer = { ...r.peer, value: alias(r.peer.value) } as Peer;
  }
  for (const a of model.attachments) a.groups = [...new Set(a.groups.map(alias))];
}
