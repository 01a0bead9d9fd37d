// `dynamic "<name>"` blocks of a resource: how each is written, and the iterations its
// `for_each` gives (one block per element, named `<iterator>.key` / `<iterator>.value`).
import type { Declaration } from '../../evaluate/module-source.js';
import { Alternatives, possibleValues } from '../../evaluate/alternatives.js';
import { MergedMaps, mergedEntry } from '../../evaluate/fallbacks.js';
import { joinedParts, knownElements, knownPrefix } from '../../evaluate/partial-lists.js';
import { Lazy, Ref, Unknown, isObject, valueKey, type Value } from '../../evaluate/value.js';

export interface DynamicBlock {
  forEach: unknown;
  iterator: string;
  /** The `content` block as written (hcl2json), undefined when it has none. */
  written: unknown;
  content: Record<string, unknown>;
}

export function dynamicBlocks(decl: Declaration, name: string): DynamicBlock[] {
  const dynamics = ((decl.body['dynamic'] as Record<string, unknown[]> | undefined)?.[name] ?? []) as Record<string, unknown>[];
  return dynamics.map((dyn) => {
    const written = Array.isArray(dyn['content']) ? (dyn['content'][0] as unknown) : undefined;
    return {
      forEach: dyn['for_each'],
      iterator: typeof dyn['iterator'] === 'string' ? dyn['iterator'].replace(/^\$\{(.*)\}$/, '$1') : name,
      written,
      content: (written ?? {}) as Record<string, unknown>,
    };
  });
}

/** The (key, value) pairs an evaluated `for_each` iterates over, map keys in order; null when not known here. */
export function iterations(forEach: Value): [Value, Value][] | null {
  if (forEach instanceof Unknown || forEach instanceof Ref || forEach instanceof Lazy) return null;
  if (Array.isArray(forEach)) return forEach.map((v, k) => [k, v]);
  if (isObject(forEach))
    return Object.keys(forEach)
      .sort()
      .map((k) => [k, forEach[k]!]);
  return [];
}

/** The iterations over the known elements of a partly known list: positions among the first ones known, the others not. */
export function knownIterations(parts: readonly Value[], iterator: string): [Value, Value][] {
  const prefix = knownPrefix(parts).length;
  return knownElements(parts).map((v, k) => [k < prefix ? k : new Unknown(`${iterator}.key`, 'the position follows elements not known before apply'), v]);
}

/**
 * The iterations known of a for_each not wholly known, and whether there are others: the known
 * elements of a partly known list, each known key of merged maps (once with each value it may have: the
 * known one, or an unknown map's), the iterations of each collection a conditional may be (one the same in
 * several counted once). Null for any other value.
 */
export function knownIterationsOf(forEach: Value, iterator: string): { entries: [Value, Value][]; more: boolean } | null {
  const parts = joinedParts(forEach);
  if (parts) return { entries: knownIterations(parts, iterator), more: true };
  if (forEach instanceof MergedMaps) {
    const keys = [...new Set(forEach.maps.flatMap((m) => (isObject(m) ? Object.keys(m) : [])))].sort();
    return { entries: keys.flatMap((k) => possibleValues(mergedEntry(`${iterator}.value`, forEach, k)).map((v): [Value, Value] => [k, v])), more: true };
  }
  if (!(forEach instanceof Alternatives)) return null;
  const entries: [Value, Value][] = [];
  const seen = new Set<string>();
  let more = false;
  for (const v of possibleValues(forEach)) {
    const known = knownIterationsOf(v, iterator);
    const each = known?.entries ?? iterations(v);
    more ||= each === null || (known?.more ?? false);
    for (const [k, value] of each ?? []) {
      const id = valueKey([k, value]);
      if (id !== null && seen.has(id)) continue;
      if (id !== null) seen.add(id);
      entries.push([k, value]);
    }
  }
  return { entries, more };
}
