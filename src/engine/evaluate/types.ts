// Applies a variable's type constraint to its value: Terraform converts primitives and, for
// object types, fills `optional(T, default)` attributes that the caller left out. Rule tables
// in real modules (rds-aurora, eks) rely on those defaults, so skipping them would turn every
// omitted attribute into an error.
import type { Node } from '../hcl/expression.js';
import { EvalError, Lazy, Unknown, hasKey, isObject, markSet, objectFrom, toBoolValue, toNumberValue, type Value } from './value.js';
import { evaluate, type Scope } from './evaluate.js';

/**
 * A value passed to an untyped variable whose default is a list, as Terraform 0.11 read it: 0.11
 * gave such a variable the list type and flattened `["${L}"]` into L, so a list holding one list
 * of primitives is that list (0.12 upgrades wrote L). Any other value is kept.
 */
export function legacyListArgument(value: Value): Value {
  if (!Array.isArray(value) || value.length !== 1) return value;
  const [only] = value;
  return Array.isArray(only) && only.every((v) => !Array.isArray(v) && !isObject(v) && !(v instanceof Lazy)) ? only : value;
}

export function convertToType(value: Value, type: Node | null, scope: Scope): Value {
  if (!type || value === null || value instanceof Unknown) return value;
  if (type.kind === 'variable') {
    if (type.name === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
    if (type.name === 'number' && typeof value === 'string') return asNumber(value);
    // "1" and "0" convert as "true" and "false" do; any other string stays (Terraform refuses it)
    if (type.name === 'bool' && (value === 'true' || value === 'false' || value === '1' || value === '0')) return toBoolValue(value);
    return value;
  }
  if (type.kind !== 'call') return value;
  const [arg] = type.args;
  switch (type.name) {
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) return value;
      // a list of lists for a list of primitives: Terraform 0.11 passed `["${var.list}"]` as the
      // list itself (0.12+ rejects the nesting), so the nesting is read the 0.11 way
      const items = isPrimitive(arg) ? value.flatMap((v) => (Array.isArray(v) ? v : [v])) : value;
      const converted = items.map((v) => convertToType(v, arg ?? null, scope));
      return type.name === 'set' ? markSet(converted) : converted;
    }
    case 'map':
      if (!isObject(value)) return value;
      return objectFrom(Object.entries(value).map(([k, v]) => [k, convertToType(v, arg ?? null, scope)]));
    case 'tuple':
      if (!Array.isArray(value) || arg?.kind !== 'tuple') return value;
      return value.map((v, i) => convertToType(v, (arg.items[i] as Node | undefined) ?? null, scope));
    case 'object':
      return convertObject(value, arg, scope);
    default:
      return value;
  }
}

function convertObject(value: Value, spec: Node | undefined, scope: Scope): Value {
  if (!isObject(value) || spec?.kind !== 'object') return value;
  const out = objectFrom(Object.entries(value));
  for (const { key, value: attrType } of spec.items) {
    if (key.kind !== 'literal' || typeof key.value !== 'string') continue;
    const name = key.value;
    const optional = attrType.kind === 'call' && attrType.name === 'optional';
    const inner = optional ? (attrType.args[0] ?? null) : attrType;
    const present = hasKey(value, name) && value[name] !== null;
    if (present) out[name] = convertToType(value[name]!, inner, scope);
    else if (optional) {
      const fallback = attrType.args[1] ? evaluate(attrType.args[1], scope) : null;
      out[name] = convertToType(fallback, inner, scope);
    } else if (!hasKey(value, name)) out[name] = null;
  }
  return out;
}

/** A string for a number variable: the number it converts to, or the string (Terraform refuses it). */
function asNumber(value: string): Value {
  try {
    return toNumberValue(value);
  } catch (e) {
    if (e instanceof EvalError) return value;
    throw e;
  }
}

function isPrimitive(type: Node | undefined): boolean {
  return type?.kind === 'variable' && (type.name === 'string' || type.name === 'number' || type.name === 'bool');
}
