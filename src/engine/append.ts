// Lists kept per key. Appending by spreading (`m.set(k, [...(m.get(k) ?? []), v])`) copies
// the list at every append: quadratic in the length of each key's list.

/** Appends `value` to the list of `key`, making the list on first use. */
export function append<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
