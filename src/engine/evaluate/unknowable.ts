/**
 * Thrown inside a function when its result depends on a value known only after apply, or on
 * semantics the engine does not reproduce exactly: the call becomes an Unknown (never a guess,
 * and never an EvalError, which try() and can() would take as Terraform's own error).
 */
export class Unknowable extends Error {}
