/**
 * Work a workflow starts beside its steps (deliveries, documents, late projections) and waits for
 * only before it ends or continues as new.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  track(work: Promise<unknown>): void {
    const done = work.then(() => undefined).finally(() => this.running.delete(done));
    this.running.add(done);
  }

  /** Resolves once everything tracked so far has; rejects as the first of them does. */
  async settled(): Promise<void> {
    await Promise.all(this.running);
  }
}
