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
     * Per branch: it is `null` written as such, "no value here". A null that comes from a
     * variable may be a placeholder for a value set outside the repository, so only these are
     * dropped from what a required argument can be (`c ? var.x : null` keeps var.x's null).
     */
    readonly nullWritten: readonly boolean[] = branches.map(() => false),
    setOutside?: readonly string[],
  ) {
    super(expr, reason, setOutside);
  }
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
export function evaluatedBranches(branches: Branch[]): { values: Value[]; nullWritten: boolean[] } {
  const values: Value[] = [];
  const nullWritten: boolean[] = [];
  let error: EvalError | null = null;
  for (const branch of branches) {
    try {
      values.push(branch.evaluate());
      nullWritten.push(branch.nullWritten);
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      error ??= e;
    }
  }
  if (!values.length) throw error!;
  return { values, nullWritten };
}

/**
 * An operation on each branch of alternatives (`.id` of `cond ? a : b`), branches that fail
 * left out; a written null that the operation leaves null (`tostring(null)`) stays written.
 */
export function eachBranch(expr: string, alternatives: Alternatives, step: (branch: Value) => Value): Alternatives {
  const { values, nullWritten } = evaluatedBranches(
    alternatives.branches.map((b, i) => ({ evaluate: () => step(b), nullWritten: alternatives.nullWritten[i]! })),
  );
  return new Alternatives(
    expr,
    alternatives.reason,
    values,
    nullWritten.map((written, i) => written && values[i] === null),
    alternatives.setOutside,
  );
}

/**
 * What a required argument can be: every branch but a `null` written as such and, when `valid`
 * is given, but the known values it refuses (a rule's target that is not a group id fails).
 */
export function possibleValues(v: Value, valid: (known: Value) => boolean = () => true): Value[] {
  if (v instanceof Alternatives) return v.branches.flatMap((b, i) => (b === null && v.nullWritten[i] ? [] : possibleValues(b, valid)));
  return v instanceof Unknown || valid(v) ? [v] : [];
}
