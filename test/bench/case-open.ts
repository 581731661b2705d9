import type { BenchApi } from './api';
import { p50, p99, sleep } from './stats';

export interface CaseOpenResult {
  findings: number;
  samples: number;
  /** Intake requests (cases of `backgroundCaseSize` findings) kept in flight meanwhile. */
  background: number;
  backgroundCaseSize: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  firstError?: string;
}

const FAR_DUE_MS = 30 * 24 * 3_600_000;

/**
 * A large case opened under load: POST /cases of `findings` findings, `samples` times one after
 * another, while `background` intake requests (POST /cases of `backgroundCaseSize`) stay in flight,
 * as an office's bulk intake meets everyone else's daily work.
 */
export async function measureCaseOpen(
  api: BenchApi,
  sizes: { findings: number; samples: number; background: number; backgroundCaseSize: number },
  say: (line: string) => void,
): Promise<CaseOpenResult> {
  const dueAts = (count: number) => Array(count).fill(new Date(Date.now() + FAR_DUE_MS).toISOString()) as string[];
  let firstError: string | undefined;
  let loading = true;
  const backgroundLoad = Array.from({ length: sizes.background }, async () => {
    while (loading) {
      const response = await api.openCase(dueAts(sizes.backgroundCaseSize), 'load');
      if (response.status !== 201) await sleep(50);
    }
  });
  say(
    `case open: POST /cases of ${sizes.findings} findings, ${sizes.samples} in turn, beside ${sizes.background} intake requests of ${sizes.backgroundCaseSize} in flight`,
  );
  const latencies: number[] = [];
  let errors = 0;
  try {
    for (let sample = 0; sample < sizes.samples; sample++) {
      const response = await api.openCase(dueAts(sizes.findings), 'large');
      if (response.status === 201) latencies.push(response.ms);
      else {
        errors++;
        firstError ??= `POST /cases of ${sizes.findings} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`;
      }
    }
  } finally {
    loading = false;
    await Promise.all(backgroundLoad);
  }
  return { ...sizes, p50Ms: p50(latencies), p99Ms: p99(latencies), errors, firstError };
}
