// A security group read by a data source is a group of this configuration when the lookup can
// find no other (red24 #17): `data.aws_security_group` by `id` echoes it (known-before-apply.ts);
// by `filter { name = "group-id" }` with one value it is that value; by `name` (or a
// `group-name` filter) it is the group of this module whose known name it is, in the VPC the
// lookup names when it names one: a group's name is unique in its VPC, and a lookup matching
// two groups fails (provider docs d/security_group: "must match exactly one"). Anything less
// certain (a name not known, two groups it could be, a VPC not known) stays unknown.
import { Ref, containsUnknown, isObject, type Value } from './value.js';

/** A group of the module: its `id` reference, and its name and VPC when they are known. */
export interface GroupCandidate {
  id: Ref;
  /** The name as it will be; undefined when not known (a variable, `name_prefix`, AWS's). */
  name: string | undefined;
  /** Whether the name could be `name` though it is not known here. */
  mayBeNamed: (name: string) => boolean;
  vpc: Value | undefined;
}

/** What a data source's attribute is when the lookup can only find one group; undefined otherwise. */
export function lookedUpGroup(
  type: string,
  attribute: string,
  argument: (name: string) => Value | undefined,
  candidates: () => GroupCandidate[],
): Value | undefined {
  const wanted = type === 'aws_security_group' ? 'id' : type === 'aws_security_groups' ? 'ids' : null;
  if (attribute !== wanted || argument('dynamic') !== undefined) return undefined;
  const filters = filtersOf(argument('filter'));
  if (filters === null) return undefined;
  const group = byId(filters) ?? byName(type === 'aws_security_group' ? argument('name') : undefined, argument('vpc_id'), filters, candidates);
  if (group === undefined) return undefined;
  return wanted === 'ids' ? [group] : group;
}

export type Filter = { name: string; values: Value[] };

/** The `filter` blocks, each with a known name and a list of values; null when one is not that. */
export function filtersOf(written: Value | undefined): Filter[] | null {
  if (written === undefined || written === null) return [];
  const blocks = Array.isArray(written) ? written : [written];
  const out: Filter[] = [];
  for (const b of blocks) {
    if (!isObject(b) || typeof b['name'] !== 'string' || !Array.isArray(b['values'])) return null;
    out.push({ name: b['name'], values: b['values'] });
  }
  return out;
}

/** The single value of a filter on `name` (the filters all apply: one such filter decides). */
export function single(filters: Filter[], name: string): Value | undefined {
  const filter = filters.find((f) => f.name === name && f.values.length === 1 && !containsUnknown(f.values[0]!));
  return filter?.values[0];
}

function byId(filters: Filter[]): Value | undefined {
  const id = single(filters, 'group-id');
  return id instanceof Ref || typeof id === 'string' ? id : undefined;
}

function byName(nameArgument: Value | undefined, vpcArgument: Value | undefined, filters: Filter[], candidates: () => GroupCandidate[]): Value | undefined {
  const name = nameArgument ?? single(filters, 'group-name');
  if (typeof name !== 'string') return undefined;
  // a VPC the lookup names: given and known, or a filter with one value; several, or unknown: not certain
  const vpcFilters = filters.filter((f) => f.name === 'vpc-id');
  if (vpcFilters.some((f) => f.values.length !== 1) || (vpcArgument !== undefined && containsUnknown(vpcArgument))) return undefined;
  const vpcs = [...(vpcArgument !== undefined && vpcArgument !== null ? [vpcArgument] : []), ...vpcFilters.map((f) => f.values[0]!)];
  if (vpcs.some(containsUnknown)) return undefined;
  const certain = (c: GroupCandidate) => c.name === name && vpcs.every((v) => c.vpc !== undefined && sameValue(v, c.vpc));
  const possible = (c: GroupCandidate) =>
    (c.name === name || (c.name === undefined && c.mayBeNamed(name))) && !vpcs.some((v) => c.vpc !== undefined && differs(v, c.vpc));
  const groups = candidates();
  const found = groups.filter(certain);
  // two of ours match (the lookup fails), or another may be it: not certain
  return found.length === 1 && groups.filter(possible).length === 1 ? found[0]!.id : undefined;
}

/** The same VPC for sure: the same reference, or the same id written. */
const sameValue = (a: Value, b: Value) => (a instanceof Ref && b instanceof Ref ? a.text === b.text : typeof a === 'string' && a === b);
/** Other VPCs for sure: two ids written (two references may name one VPC). */
const differs = (a: Value, b: Value) => typeof a === 'string' && typeof b === 'string' && a !== b;
