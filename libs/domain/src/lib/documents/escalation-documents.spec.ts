import type { EventRecord } from '@reform/contracts';
import { assignedState } from '../finding/finding-state';
import { escalationDocuments } from './escalation-documents';

const seed = {
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-0000000000c1',
  createdAt: '2026-03-01T00:00:00.000Z',
  title: '公务接待超标准',
  description: '—',
  unitId: 'U-FIN',
  dueAt: '2026-04-01T00:00:00.000Z',
  trackingOfficeId: 'OFF-1',
};
const state = { ...assignedState(seed, 'officer-li', { planDueMs: 86_400_000 }), dueAt: '2026-04-10T00:00:00.000Z' };

const event = (seq: number, type: EventRecord['type'], data: Record<string, unknown> = {}): EventRecord => ({
  entityId: seed.id,
  entityType: 'finding',
  caseId: seed.caseId,
  seq,
  type,
  at: `2026-04-1${seq}T00:00:00.000Z`,
  actor: 'system',
  data,
});

describe('escalationDocuments', () => {
  it('issues the document of each rung reached, keyed by finding and event seq', () => {
    const requests = escalationDocuments(state, [event(5, 'OVERDUE'), event(6, 'ESCALATED', { level: 1 })]);
    expect(requests).toEqual([
      {
        kind: 'supervision_notice',
        sourceKey: `${seed.id}:6`,
        caseId: seed.caseId,
        recipientUnitId: 'U-FIN',
        issuerOrgUnitId: 'OFF-1',
        findings: [{ id: seed.id, title: '公务接待超标准', dueAt: '2026-04-10T00:00:00.000Z' }],
        issuedAt: '2026-04-16T00:00:00.000Z',
      },
    ]);
  });

  it('maps level 2 to the interview notice and level 3 to the accountability proposal', () => {
    const kinds = escalationDocuments(state, [event(7, 'ESCALATED', { level: 2 }), event(8, 'ESCALATED', { level: 3 })]).map(
      (request) => request.kind,
    );
    expect(kinds).toEqual(['interview_notice', 'accountability_proposal']);
  });

  it('issues nothing for other events, and leaves the issuer to the root for findings without a tracking office', () => {
    expect(escalationDocuments(state, [event(2, 'PLAN_SUBMITTED'), event(3, 'REMINDER_SENT')])).toEqual([]);
    const untracked = { ...state, seed: { ...seed, trackingOfficeId: undefined } };
    expect(escalationDocuments(untracked, [event(6, 'ESCALATED', { level: 1 })])[0].issuerOrgUnitId).toBeNull();
  });
});
