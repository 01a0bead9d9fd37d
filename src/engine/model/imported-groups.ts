// An `import` block states the id of the existing group a resource becomes:
// `import { to = aws_security_group.lb, id = "sg-0a1b…" }` makes sg-0a1b… the group
// aws_security_group.lb, so a rule or a resource naming that id names that group, and a path
// through it is seen (red24 #17). Only ids known here, of group resources, are taken.
import type { Model, Peer, Rule } from './types.js';

export function aliasImportedGroups(model: Model, ids: ReadonlyMap<string, string>): void {
  if (!ids.size) return;
  const alias = (key: string) => ids.get(key) ?? key;
  for (const r of model.rules) {
    r.group = alias(r.group);
    if (r.peer.type === 'group') r.peer = { ...r.peer, value: alias(r.peer.value) } as Peer;
  }
  for (const a of model.attachments) a.groups = [...new Set(a.groups.map(alias))];
}

/**
 * Both revisions with the ids of either revision's import blocks: an import applied and then
 * removed (routine clean-up) leaves the group that id names, so a rule naming it at one
 * revision and the group at the other is the same rule.
 */
export function withImportsOfBoth(base: Model, head: Model): [Model, Model] {
  const all = new Map([...Object.entries(base.importedGroups ?? {}), ...Object.entries(head.importedGroups ?? {})]);
  const aliased = (m: Model): Model => {
    const missing = new Map([...all].filter(([id]) => !Object.hasOwn(m.importedGroups ?? {}, id)));
    if (!missing.size) return m;
    const copy: Model = { ...m, rules: m.rules.map((r): Rule => ({ ...r })), attachments: m.attachments.map((a) => ({ ...a })) };
    aliasImportedGroups(copy, missing);
    return copy;
  };
  return [aliased(base), aliased(head)];
}
