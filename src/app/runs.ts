// In-process bookkeeping of runs: deliveries already handled (a redelivery keeps its
// X-GitHub-Delivery id), the newest run of each PR head (an older run never posts over a
// newer one), the heads seen per PR (an older push delivered late must not win), and the runs
// in flight (drained on SIGTERM). Every table is bounded: a server runs for months.

export interface RegistryLimits {
  /** Delivery ids remembered for dedupe. */
  deliveries: number;
  /** Pull requests (or merge groups) whose runs are remembered, least recently used dropped. */
  pulls: number;
  /** Heads remembered per pull request. */
  headsPerPull: number;
}

/** The runs of one PR (or, for a merge group, of one head) share a key. */
export function runKey(repo: { owner: string; repo: string }, pullNumber: number | null, headSha: string): string {
  return `${repo.owner}/${repo.repo}#${pullNumber ?? headSha}`;
}

const DEFAULT_LIMITS: RegistryLimits = { deliveries: 10_000, pulls: 10_000, headsPerPull: 16 };

export class RunRegistry {
  readonly #deliveries = new Set<string>();
  /** Per PR key, the latest run sequence number of each head SHA, in order of first arrival. */
  readonly #latest = new Map<string, Map<string, number>>();
  readonly #inflight = new Map<number, { done: Promise<void>; interrupt: () => Promise<void> }>();
  readonly #limits: RegistryLimits;
  #seq = 0;
  #closing = false;

  constructor(limits: Partial<RegistryLimits> = {}) {
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** True the first time a delivery id is seen. */
  async firstDelivery(id: string): Promise<boolean> {
    if (this.#deliveries.has(id)) return false;
    this.#deliveries.add(id);
    if (this.#deliveries.size > this.#limits.deliveries) this.#deliveries.delete(this.#deliveries.values().next().value!);
    return true;
  }

  get closing(): boolean {
    return this.#closing;
  }

  /** Starts a run of a PR (or merge group) at a head; an earlier run of the same head is superseded. */
  async begin(key: string, headSha: string): Promise<number> {
    const seq = ++this.#seq;
    const heads = this.#latest.get(key) ?? new Map<string, number>();
    // re-inserted: the map's order is least recently used first
    this.#latest.delete(key);
    this.#latest.set(key, heads);
    heads.set(headSha, seq);
    if (heads.size > this.#limits.headsPerPull) heads.delete(heads.keys().next().value!);
    if (this.#latest.size > this.#limits.pulls) this.#latest.delete(this.#latest.keys().next().value!);
    return seq;
  }

  /** False once a later run of the same head began (a re-run or redelivery replaces it). */
  async isLatestRunOfHead(key: string, headSha: string, seq: number): Promise<boolean> {
    const heads = this.#latest.get(key);
    // a PR pushed out of the table by others: no newer run of it began since
    if (!heads) return true;
    // a head pushed out of its PR's entry: newer heads arrived
    return heads.get(headSha) === seq;
  }

  /** Whether runs of other heads of this PR were seen: then only GitHub knows which head is current. */
  async sawOtherHeads(key: string, headSha: string): Promise<boolean> {
    const heads = this.#latest.get(key);
    return heads !== undefined && [...heads.keys()].some((h) => h !== headSha);
  }

  /** How many pull requests the registry remembers (bounded by `limits.pulls`). */
  get rememberedPulls(): number {
    return this.#latest.size;
  }

  track(seq: number, done: Promise<void>, interrupt: () => Promise<void>): void {
    this.#inflight.set(seq, { done, interrupt });
    // a rejection (a queued job's retryable failure) is its caller's to handle
    done.then(
      () => this.#inflight.delete(seq),
      () => this.#inflight.delete(seq),
    );
  }

  get inflight(): number {
    return this.#inflight.size;
  }

  /** Stops accepting work, waits for runs in flight, then concludes whatever is left. */
  async drain(timeoutMs: number): Promise<void> {
    this.#closing = true;
    const all = [...this.#inflight.values()];
    const timedOut = await Promise.race([
      Promise.allSettled(all.map((r) => r.done)).then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), timeoutMs).unref()),
    ]);
    if (timedOut) await Promise.allSettled([...this.#inflight.values()].map((r) => r.interrupt()));
  }
}
