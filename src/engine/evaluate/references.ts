// The variables and locals an unevaluated hcl2json value refers to, for "what changed" notes.
/** The `var.x` / `local.y` names an hcl2json value refers to. */
const namesOf = new WeakMap<object, string[]>();

export function referencedNames(raw: unknown): string[] {
  const cached = raw && typeof raw === 'object' ? namesOf.get(raw) : undefined;
  if (cached) return cached;
  const text = JSON.stringify(raw) ?? '';
  const names = [...new Set([...text.matchAll(/\b(var|local)\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => `${m[1]}.${m[2]}`))];
  if (raw && typeof raw === 'object') namesOf.set(raw, names);
  return names;
}
