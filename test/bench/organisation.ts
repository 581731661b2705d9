import type { BenchApi } from './api';

/** The units every part of the benchmark assigns findings to: U-000 … U-199 (the intake uses the first 50). */
export const BENCH_UNITS = Array.from({ length: 200 }, (_, i) => `U-${String(i).padStart(3, '0')}`);

/**
 * A 纪检监察室 under the root that supervises a handful of the units (spread over the 200, so that
 * no index order favours them) and tracks a share of other units' findings (seeded in reads.ts):
 * the jurisdiction of a supervisor whose token names it.
 */
export const BENCH_OFFICE = 'BENCH-OFFICE';
export const BENCH_OFFICE_SUPERVISES = ['U-007', 'U-046', 'U-085', 'U-124', 'U-163'];

/**
 * Registers the units and the office (v1.1: a finding's unit must be a registered, active unit, and
 * an `orgUnitId` claim a registered org unit). Idempotent: a PUT of what is there changes nothing.
 */
export async function registerBenchOrganisation(api: BenchApi): Promise<void> {
  const put = async (id: string, body: Record<string, unknown>) => {
    const answer = await api.put(`/org-units/${id}`, body);
    if (answer.status !== 200 && answer.status !== 201)
      throw new Error(`PUT /org-units/${id} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  };
  for (const unitId of BENCH_UNITS) await put(unitId, { name: `基准单位 ${unitId}`, kind: 'unit', parentId: 'ROOT' });
  await put(BENCH_OFFICE, { name: '基准纪检监察室', kind: 'office', parentId: 'ROOT', supervises: BENCH_OFFICE_SUPERVISES });
}
