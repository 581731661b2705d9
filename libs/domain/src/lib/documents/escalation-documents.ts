import type { DocumentKind, DocumentRequest, EventRecord } from '@reform/contracts';
import type { FindingState } from '../finding/finding-state';

/** The document each rung of the ladder issues: 督办通知书, 约谈通知书, 问责建议书. */
const DOCUMENT_OF_LEVEL: Record<number, DocumentKind> = {
  1: 'supervision_notice',
  2: 'interview_notice',
  3: 'accountability_proposal',
};

/**
 * The documents a finding's new events call for: one per escalation, keyed by the finding and the
 * event's seq, so that a replayed or retried issue of the same rung is the same document.
 */
export function escalationDocuments(state: FindingState, events: readonly EventRecord[]): DocumentRequest[] {
  const { seed } = state;
  return events.flatMap((event) => {
    const kind = event.type === 'ESCALATED' ? DOCUMENT_OF_LEVEL[Number(event.data['level'])] : undefined;
    if (!kind) return [];
    return [
      {
        kind,
        sourceKey: `${seed.id}:${event.seq}`,
        caseId: seed.caseId,
        recipientUnitId: seed.unitId,
        issuerOrgUnitId: seed.trackingOfficeId ?? null,
        findings: [{ id: seed.id, title: seed.title, dueAt: state.dueAt }],
        issuedAt: event.at,
      },
    ];
  });
}
