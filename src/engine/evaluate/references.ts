// The variables, locals, echoed resource arguments and looked-up objects (a data source, whose
// attributes its arguments decide) an unevaluated hcl2json value refers to, for "what changed" notes.
import { IDENTIFIER } from '../hcl/identifier.js';
import { argumentsBehind, echoedArguments, echoedDataArguments, isMadeOfArguments } from './known-before-apply.js';

const VARIABLE_OR_LOCAL = new RegExp(`\\b(var|local)\\.(${IDENTIFIER})`, 'g');

/** The `var.x` / `local.y` / `[data.]TYPE.NAME.ATTRIBUTE` (an echoed argument, or one an attribute stands for) / `data.TYPE.NAME` (a looked-up object) names an hcl2json value refers to. */
const namesOf = new WeakMap<object, string[]>();

// [data.]TYPE.NAME[instance or splat].ATTRIBUTE, not part of a longer traversal (module.m.TYPE…)
const RESOURCE_ATTRIBUTE = /(?<![\w.])(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)((?:\[[^\]]*\]|\.\*)*)\.([a-z_][a-z0-9_]*)/g;

export function referencedNames(raw: unknown): string[] {
  const cached = raw && typeof raw === 'object' ? namesOf.get(raw) : undefined;
  if (cached) return cached;
  const text = JSON.stringify(raw) ?? '';
  const names = [
    ...new Set([
      ...[...text.matchAll(VARIABLE_OR_LOCAL)].map((m) => `${m[1]}.${m[2]}`),
      ...[...text.matchAll(RESOURCE_ATTRIBUTE)].flatMap((m) => {
        const object = `${m[1] ?? ''}${m[2]}.${m[3]}`;
        // a data source's attributes are what its arguments look up, whichever it echoes
        const lookup = m[1] || isMadeOfArguments(m[2]!, m[5]!) ? [object] : [];
        if ((m[1] ? echoedDataArguments(m[2]!) : echoedArguments(m[2]!)).includes(m[5]!)) return [`${object}.${m[5]}`, ...lookup];
        // a computed attribute that stands for written arguments (a prefix list's id: its entries)
        return m[1] ? lookup : [...argumentsBehind(m[2]!, m[5]!).map((a) => `${object}.${a}`), ...lookup];
      }),
    ]),
  ];
  if (raw && typeof raw === 'object') namesOf.set(raw, names);
  return names;
}
