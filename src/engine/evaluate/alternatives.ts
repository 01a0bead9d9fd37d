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
  ) {
    super(expr, reason);
  }
}

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

/** What a required argument (a rule's target) can be: every branch but null. */
export function possibleValues(v: Value): Value[] {
  if (v instanceof Alternatives) return v.branches.flatMap(possibleValues);
  return v === null ? [] : [v];
}
