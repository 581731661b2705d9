import type { Logger } from '@nestjs/common';

const RETRY_MS = 5_000;

/**
 * Runs `work` until it succeeds or `stopped()` — a Schedule set up at start while Temporal may not
 * be reachable yet — warning every half minute of failures.
 */
export async function untilDone<T>(what: string, logger: Logger, stopped: () => boolean, work: () => Promise<T>): Promise<T | undefined> {
  for (let attempt = 1; !stopped(); attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt % 6 === 1) logger.warn(`${what} not set up yet (${(error as Error).message}); retrying`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  return undefined;
}
