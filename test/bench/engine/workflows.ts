// The engine's baselines: the least a workflow can be. Bundled by the benchmark, never by the product.
import { sleep } from '@temporalio/workflow';

/** Started and done: what a bare client's intake is measured with. */
export async function benchNoop(): Promise<void> {
  return;
}

/** Sleeps until one shared instant, then completes: the deadline storm without the product. */
export async function benchSleeper(untilMs: number): Promise<number> {
  const waitMs = untilMs - Date.now();
  if (waitMs > 0) await sleep(waitMs);
  return Date.now();
}

/** The same sleep under a type of its own, for the precision baseline, so the storm's counts never include it. */
export const benchPrecisionSleeper = benchSleeper;
