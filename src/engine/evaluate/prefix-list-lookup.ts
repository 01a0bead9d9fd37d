// A customer-managed prefix list read by `data "aws_ec2_managed_prefix_list"` is a list of this
// configuration when the lookup can find no other (red24 #12): by `name` (or a
// `prefix-list-name` filter of one value) it is the list of this module with that known name,
// when no other list of the module may have it. The lookup must match exactly one list (it
// fails otherwise: provider docs d/ec2_managed_prefix_list), so a list of that name elsewhere
// cannot be what it reads. Anything less certain stays unknown.
import type { Ref, Value } from './value.js';
import { filtersOf, single } from './group-lookup.js';

/** A prefix list of the module: its id reference, and its name when it is known. */
export interface PrefixListCandidate {
  id: Ref;
  /** undefined when not known here (a variable). */
  name: string | undefined;
}

/** What a data source's attribute is when the lookup can only find one list of ours; undefined otherwise. */
export function lookedUpPrefixList(
  type: string,
  attribute: string,
  argument: (name: string) => Value | undefined,
  candidates: () => PrefixListCandidate[],
): Value | undefined {
  if (type !== 'aws_ec2_managed_prefix_list' || attribute !== 'id' || argument('dynamic') !== undefined) return undefined;
  const filters = filtersOf(argument('filter'));
  if (filters === null) return undefined;
  const name = argument('name') ?? single(filters, 'prefix-list-name');
  if (typeof name !== 'string') return undefined;
  const lists = candidates();
  const found = lists.filter((c) => c.name === name);
  return found.length === 1 && !lists.some((c) => c.name === undefined) ? found[0]!.id : undefined;
}
