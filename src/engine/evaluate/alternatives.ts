// A conditional whose condition is not known before apply is unknown, but it is one of its
// branches. A branch that fails (an index out of range, an attribute of null) is one only an
// apply that fails could take, so it is left out. A rule's target keeps its identity this way:
// `local.enabled ? local.group_id : null` can only be the group (a rule without a target is
// refused), so rewriting one such expression as another replaces nothing.
import { EvalError, Unknown, type Value } from './value.js';

export class Alternatives extends Unknown {
  constructor(
    expr: string,
    reason: string,
    /** The branches that evaluate; at least one. */
    readonly branches: readonly Value[],
    /**
     * A branch is `null` written as such: "no value here". A null that comes from a variable
     * may be a placeholder for a value set outside the repository, so only this one is dropped
     * from what a required argument can be.
     */
    readonly nullWritten = false,
  ) {
    super(expr, reason);
  }
}

/**
 * `L[count.index]` or `element(L, count.index)` with L known and the index not (an unknown
 * count): one of L's elements, since any other index fails the apply. A peer written so is one
 * of them (measure19 §5: one rule per element of a known list).
 */
export class OneOf extends Alternatives {}

/** The values a peer argument can take: each element for `L[count.index]`, else the value itself. */
export const peerValues = (v: Value): Value[] => (v instanceof OneOf ? [...v.branches] : [v]);

/**
 * The values of the branches that evaluate; throws the first branch's error when none does.
 * Only Terraform's dynamic errors (EvalError) leave a branch out.
 */
export function evaluatedBranches(branches: (() => Value)[]): Value[] {
  const values: Value[] = [];
  let error: EvalError | null = null;
  for (const branch of branches) {
    try {
      values.push(branch());
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      error ??= e;
    }
  }
  if (!values.length) throw error!;
  return values;
}

/** An operation on each branch of alternatives (`.id` of `cond ? a : b`), branches that fail left out. */
export function eachBranch(expr: string, alternatives: Alternatives, step: (branch: Value) => Value): Alternatives {
  return new Alternatives(expr, alternatives.reason, evaluatedBranches(alternatives.branches.map((b) => () => step(b))));
}

/**
 * What a required argument can be: every branch but a `null` written as such and, when `valid`
 * is given, but the known values it refuses (a rule's target that is not a group id fails).
 */
export function possibleValues(v: Value, valid: (known: Value) => boolean = () => true): Value[] {
  if (v instanceof Alternatives) return v.branches.flatMap((b) => (b === null && v.nullWritten ? [] : possibleValues(b, valid)));
  return v instanceof Unknown || valid(v) ? [v] : [];
}
