import { randomUUID } from 'node:crypto';
import type { FindingSeed, FindingWorkflowInput, Policy } from '@reform/contracts';

export const DAY = 86_400_000;

export const DAYS_POLICY: Policy = {
  planDueMs: 7 * DAY,
  remindBeforeMs: 3 * DAY,
  escalationStepMs: 7 * DAY,
  approvalSlaMs: 3 * DAY,
  followUpAfterMs: 90 * DAY,
  receiptDueMs: 3 * DAY,
  interviewDueMs: 7 * DAY,
};

export function findingSeed(nowMs: number, overrides: Partial<FindingSeed> = {}): FindingSeed {
  return {
    id: randomUUID(),
    caseId: randomUUID(),
    title: '公务接待超标准',
    description: 'Official receptions exceeded the standard.',
    unitId: 'U1',
    dueAt: new Date(nowMs + 30 * DAY).toISOString(),
    createdAt: new Date(nowMs).toISOString(),
    ...overrides,
  };
}

export function findingInput(seed: FindingSeed, policy: Policy = DAYS_POLICY): FindingWorkflowInput {
  return { seed, caseOpenedBy: 'officer-1', policy };
}

export const actor = (id: string) => ({ id, name: id });
