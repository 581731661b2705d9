import { randomUUID } from 'node:crypto';
import type { CaseRecord, EventRecord, FindingRecord, OpenCaseProjection } from '@reform/contracts';

/** Builders for projection inputs: fresh ids each call, fields overridable per test. */
const AT = '2026-03-01T08:00:00.000Z';

export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: randomUUID(),
    title: '某局工程招投标违规案',
    summary: '围标串标，监管缺位',
    source: 'review',
    status: 'OPEN',
    openedBy: 'officer-1',
    createdAt: AT,
    updatedAt: AT,
    closedAt: null,
    version: 1,
    ...overrides,
  };
}

export function aFinding(caseId: string, overrides: Partial<FindingRecord> = {}): FindingRecord {
  return {
    id: randomUUID(),
    caseId,
    title: '招投标监管制度缺失',
    description: '未建立评标专家回避制度',
    category: '制度建设',
    unitId: 'unit-finance',
    responsiblePerson: '张三',
    dueAt: '2026-06-01T00:00:00.000Z',
    status: 'ASSIGNED',
    overdue: false,
    escalationLevel: 0,
    accountability: 'none',
    pendingApproval: null,
    pendingSince: null,
    trackingOfficeId: null,
    recommendationId: null,
    interviewId: null,
    accountabilityOutcome: null,
    openedBy: 'officer-1',
    createdAt: AT,
    updatedAt: AT,
    closedAt: null,
    version: 1,
    ...overrides,
  };
}

export function anEvent(
  entity: { id: string; caseId: string; type: 'case' | 'finding' },
  seq: number,
  overrides: Partial<EventRecord> = {},
): EventRecord {
  return {
    entityId: entity.id,
    entityType: entity.type,
    caseId: entity.caseId,
    seq,
    type: entity.type === 'case' ? 'CASE_OPENED' : 'ASSIGNED',
    at: AT,
    actor: 'officer-1',
    data: {},
    ...overrides,
  };
}

/** A case opening with `findingCount` findings, a CASE_OPENED event and one ASSIGNED each. */
export function anOpenCase(year: number, findingCount = 2): OpenCaseProjection {
  const record = aCase();
  const findings = Array.from({ length: findingCount }, () => aFinding(record.id));
  return {
    case: record,
    year,
    findings,
    events: [
      anEvent({ id: record.id, caseId: record.id, type: 'case' }, 1),
      ...findings.map((f) => anEvent({ id: f.id, caseId: record.id, type: 'finding' }, 1)),
    ],
  };
}
