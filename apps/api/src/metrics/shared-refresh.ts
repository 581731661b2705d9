/**
 * A value read at most once per `ttlMs`: callers within that window get the last read, and callers
 * while a read is under way share it. A failed read is not kept, so the next caller tries again.
 */
export class SharedRefresh<T> {
  private last?: { value: T; atMs: number };
  private inFlight?: Promise<T>;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    if (this.last && this.nowMs() - this.last.atMs < this.ttlMs) return Promise.resolve(this.last.value);
    this.inFlight ??= this.read()
      .then((value) => {
        this.last = { value, atMs: this.nowMs() };
        return value;
      })
      .finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }
}
