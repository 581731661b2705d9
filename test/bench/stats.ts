/** The q-quantile (0..1) of some samples, nearest-rank; NaN when there are none. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const p50 = (samples: number[]) => quantile(samples, 0.5);
export const p99 = (samples: number[]) => quantile(samples, 0.99);

/** Rounded for reading: whole numbers from 100 up, one decimal below, two below 1. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 1 : 2;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export const ratio = (value: number, baseline: number) => (baseline > 0 ? Math.round((value / baseline) * 1000) / 1000 : Number.NaN);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Runs `worker` in `concurrency` parallel loops until `untilMs`; answers when all loops are done. */
export async function loops(concurrency: number, untilMs: number, worker: () => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < untilMs) await worker();
    }),
  );
}

/** Runs `work` over items with at most `concurrency` in flight. */
export async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}
