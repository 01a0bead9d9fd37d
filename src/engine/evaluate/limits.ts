// Bounds on the work one review does. The PR author controls the input, so a bound that is
// hit never crashes the review and never passes it silently: the value becomes an Unknown
// whose reason names the bound, and the hit is kept for the `analysis-limit` finding.

export const LIMIT_KEYS = ['max_instances', 'max_values', 'max_expression_depth', 'review_time_budget', 'max_module_depth', 'max_caller_dirs'] as const;
/** The configured bounds, and the server's memory bound of one review (SG_REVIEW_ENGINE_MEMORY_MB). */
export type LimitKey = (typeof LIMIT_KEYS)[number] | 'review_memory' | 'max_data_file_bytes';

export interface Limits {
  /** Instances per resource or module call (count / for_each). */
  maxInstances: number;
  /** Elements of one collection (characters of a string: a thousand times as many); steps per expression: ten times. */
  maxValues: number;
  /** Nesting of an expression: in the source, and in evaluation (locals and outputs included). */
  maxDepth: number;
  /** Seconds of evaluation per review. */
  timeBudgetSeconds: number;
  /** Levels of module calls below a root that are followed (and read below a changed directory). */
  maxModuleDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxInstances: 1000, maxValues: 100_000, maxDepth: 200, timeBudgetSeconds: 60, maxModuleDepth: 8 };

/** A bound that was hit: where (when known) and why. */
export interface LimitHit {
  limit: LimitKey;
  /** The reason carried by the Unknown it produced (also how the hit is located in the model). */
  reason: string;
  file: string | null;
  line: number;
  /** What the part left unread is given (a module call's evaluated arguments): a hit the base
   * also has is pre-existing only when these are the same. */
  inputs?: string;
}

/** Thrown when a bound is hit; unlike EvalError, `try()` and `can()` never catch it. */
export class LimitError extends Error {
  constructor(
    readonly limit: LimitKey,
    message: string,
  ) {
    super(`${message} (${limit})`);
  }
}

/** The running account of one evaluation against its limits. */
export class Budget {
  readonly hits: LimitHit[] = [];
  readonly #deadline: number;
  depth = 0;
  #steps = 0;
  #expired = false;

  constructor(
    readonly limits: Limits = DEFAULT_LIMITS,
    now: number = Date.now(),
  ) {
    this.#deadline = now + limits.timeBudgetSeconds * 1000;
  }

  /** Records a hit once per reason. */
  record(error: LimitError, file: string | null = null, line = 1, inputs?: string): void {
    if (!this.hits.some((h) => h.reason === error.message && h.file === file && h.line === line))
      this.hits.push({ limit: error.limit, reason: error.message, file, line, ...(inputs === undefined ? {} : { inputs }) });
  }

  /**
   * Called on every evaluation step: checks the depth, the steps of the outermost expression
   * (ten per allowed value, locals it reads included) and the clock (at each expression, and
   * every 4,096 steps).
   */
  enter(): void {
    if (this.depth === 0) this.#steps = 0;
    this.depth++;
    if (this.depth > this.limits.maxDepth) this.#fail(new LimitError('max_expression_depth', `expression nested deeper than ${this.limits.maxDepth} levels`));
    if (++this.#steps > this.limits.maxValues * 10)
      this.#fail(new LimitError('max_values', `expression needs more than ${this.limits.maxValues * 10} evaluation steps`));
    if ((this.#steps === 1 || (this.#steps & 4095) === 0) && Date.now() > this.#deadline) this.#expired = true;
    if (this.#expired) this.#fail(new LimitError('review_time_budget', `evaluation stopped at the review's time budget of ${this.limits.timeBudgetSeconds} s`));
  }

  #fail(error: LimitError): never {
    this.depth--;
    throw error;
  }

  leave(): void {
    this.depth--;
  }

  /** A collection or string about to be built: its size against max_values. */
  checkSize(size: number, what: string): void {
    if (size > this.limits.maxValues) throw new LimitError('max_values', `${what} has more than ${this.limits.maxValues} elements`);
  }

  #instances = 0;

  /**
   * Instances expanded so far: nested module calls multiply them (1,000 calls of a module with
   * 1,000 instances), so the whole configuration may hold a hundred times max_instances.
   */
  countInstances(n: number): LimitError | null {
    const max = this.limits.maxInstances * 100;
    if (this.#instances + n > max) return new LimitError('max_instances', `more than ${max} instances in the whole configuration`);
    this.#instances += n;
    return null;
  }

  checkString(length: number): void {
    if (length > this.limits.maxValues * 1000) throw new LimitError('max_values', `a string longer than ${this.limits.maxValues * 1000} characters`);
  }
}

// outside withBudget (tests, one-off evaluations): the default bounds and no clock
let active = new Budget(DEFAULT_LIMITS, Number.POSITIVE_INFINITY);

/** The budget of the evaluation under way. */
export function budget(): Budget {
  return active;
}

/** Runs a synchronous evaluation against a budget (evaluation never awaits, so nothing interleaves). */
export function withBudget<T>(b: Budget, run: () => T): T {
  const previous = active;
  active = b;
  try {
    return run();
  } finally {
    active = previous;
  }
}
