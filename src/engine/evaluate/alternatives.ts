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
    readonly branches: readonly BranchValue[],
    setOutside?: readonly string[],
  ) {
    super(expr, reason, setOutside);
  }
}

/**
 * A branch's value, and whether it is `null` written as such, "no value here". A null that
 * comes from a variable may be a placeholder for a value set outside the repository, so only
 * these are dropped from what a required argument can be (`c ? var.x : null` keeps var.x's null).
 */
export interface BranchValue {
  value: Value;
  nullWritten: boolean;
}

/** A branch to evaluate, and whether it is `null` written as such. */
export interface Branch {
  evaluate: () => Value;
  nullWritten: boolean;
}

/**
 * `L[count.index]` or `element(L, count.index)` with L known and the index not (an unknown
 * count): one of L's elements, since any other index fails the apply. A peer written so is one
 * of them (measure19 §5: one rule per element of a known list).
 */
export class OneOf extends Alternatives {}

/**
 * The branches that evaluate, each with its value; throws the first branch's error when none
 * does. Only Terraform's dynamic errors (EvalError) leave a branch out.
 */
export function evaluatedBranches(branches: Branch[]): BranchValue[] {
  const values: BranchValue[] = [];
  let error: EvalError | null = null;
  for (const branch of branches) {
    try {
      values.push({ value: branch.evaluate(), nullWritten: branch.nullWritten });
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      error ??= e;
    }
  }
  if (!values.length) throw error!;
  return values;
}

/**
 * An operation on each branch of alternatives (`.id` of `cond ? a : b`), branches that fail
 * left out; a written null that the operation leaves null (`tostring(null)`) stays written.
 */
export function eachBranch(expr: string, alternatives: Alternatives, step: (branch: Value) => Value): Alternatives {
  const branches = evaluatedBranches(alternatives.branches.map((b) => ({ evaluate: () => step(b.value), nullWritten: b.nullWritten })));
  return new Alternatives(
    expr,
    alternatives.reason,
    branches.map((b) => ({ value: b.value, nullWritten: b.nullWritten && b.value === null })),
    alternatives.setOutside,
  );
}

/**
 * What a required argument can be: every branch but a `null` written as such and, when `valid`
 * is given, but the known values it refuses (a rule's target that is not a group id fails).
 */
export function possibleValues(v: Value, valid: (known: Value) => boolean = () => true): Value[] {
  if (v instanceof Alternatives) return v.branches.flatMap((b) => (b.value === null && b.nullWritten ? [] : possibleValues(b.value, valid)));
  return v instanceof Unknown || valid(v) ? [v] : [];
}
