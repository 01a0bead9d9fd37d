// In-process bookkeeping of runs: deliveries already handled (a redelivery keeps its
// X-GitHub-Delivery id), the newest run of each PR (an older run never posts over a newer
// one), and the runs in flight (drained on SIGTERM).
export class RunRegistry {
  readonly #deliveries = new Set<string>();
  readonly #latest = new Map<string, number>();
  readonly #inflight = new Map<number, { done: Promise<void>; interrupt: () => Promise<void> }>();
  #seq = 0;
  #closing = false;

  /** True the first time a delivery id is seen. */
  firstDelivery(id: string): boolean {
    if (this.#deliveries.has(id)) return false;
    this.#deliveries.add(id);
    if (this.#deliveries.size > 10_000) this.#deliveries.delete(this.#deliveries.values().next().value!);
    return true;
  }

  get closing(): boolean {
    return this.#closing;
  }

  /** Starts a run for a PR (or merge group); any earlier run of it is superseded. */
  begin(key: string): number {
    const seq = ++this.#seq;
    this.#latest.set(key, seq);
    return seq;
  }

  isCurrent(key: string, seq: number): boolean {
    return this.#latest.get(key) === seq;
  }

  track(seq: number, done: Promise<void>, interrupt: () => Promise<void>): void {
    this.#inflight.set(seq, { done, interrupt });
    void done.finally(() => this.#inflight.delete(seq));
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
