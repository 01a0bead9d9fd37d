// A variable's declared type as an expression node, Terraform 0.11's quoted names included.
import type { Node } from '../hcl/expression.js';
import { singleInterpolation, templateNode } from './evaluate.js';

/** Terraform 0.11's quoted type names, as the 0.12 types they became. */
const LEGACY_TYPES = new Map([
  ['string', '${string}'],
  ['list', '${list(string)}'],
  ['map', '${map(string)}'],
]);

export function typeOf(raw: unknown): Node | null {
  if (typeof raw !== 'string') return null;
  try {
    return singleInterpolation(templateNode(LEGACY_TYPES.get(raw) ?? raw));
  } catch {
    return null;
  }
}

/** The type's outer kind: `bool`, `list`, `set`, `map`, … (null when not declared or not read). */
export function typeKind(raw: unknown): string | null {
  const type = typeOf(raw);
  if (type?.kind === 'variable') return type.name;
  return type?.kind === 'call' ? type.name : null;
}
