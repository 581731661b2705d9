import type { CarriedFindingState, EventRecord, FindingRecord, FindingSeed, FindingView, PendingDecision } from '@reform/contracts';
import { policyEnd, type PolicyTiming } from '../policy-time';

/** Everything a finding's workflow knows; its shape is the contract's, since it crosses continue-as-new. */
export type FindingState = CarriedFindingState;
export type { PendingDecision };

/** A finding's first event (seq 1, which assignedState counts): assigned to its unit by `actor`. */
export function assignedEvent(seed: FindingSeed, actor: string): EventRecord {
  return {
    entityId: seed.id,
    entityType: 'finding',
    caseId: seed.caseId,
    seq: 1,
    type: 'ASSIGNED',
    at: seed.assignedAt ?? seed.createdAt,
    actor,
    data: {
      unitId: seed.unitId,
      dueAt: seed.dueAt,
      responsiblePerson: seed.responsiblePerson ?? null,
      // A recommendation's finding: the timeline alone says whence its plan comes and when it is due.
      ...(seed.recommendationId ? { recommendationId: seed.recommendationId, planDueAt: seed.planDueAt ?? null } : {}),
    },
  };
}

/**
 * The state right after assignment: the ASSIGNED event is seq 1. A recommendation's finding is
 * assigned at issue, its plan due with the reply, and takes its plan only from the reply.
 */
export function assignedState(seed: FindingSeed, caseOpenedBy: string, policy: PolicyTiming<'planDueMs'>): FindingState {
  const assignedAt = seed.assignedAt ?? seed.createdAt;
  return {
    seed,
    caseOpenedBy,
    status: 'ASSIGNED',
    dueAt: seed.dueAt,
    overdue: false,
    escalationLevel: 0,
    accountability: 'none',
    pending: [],
    planSubmittedBy: null,
    reportSubmittedBy: null,
    requestedDueAt: null,
    planDueAt: seed.planDueAt ?? new Date(policyEnd(policy, 'planDueMs', Date.parse(assignedAt))).toISOString(),
    remindedForDueAt: null,
    nextEscalationAt: null,
    followUpAt: null,
    closedAt: null,
    updatedAt: assignedAt,
    seq: 1,
    followUpHeld: false,
    ...(seed.recommendationId ? { replyAwaited: true } : {}),
  };
}

export function findingView(state: FindingState): FindingView {
  const { seed } = state;
  return {
    id: seed.id,
    caseId: seed.caseId,
    title: seed.title,
    description: seed.description,
    category: seed.category ?? null,
    unitId: seed.unitId,
    responsiblePerson: seed.responsiblePerson ?? null,
    dueAt: state.dueAt,
    status: state.status,
    overdue: state.overdue,
    escalationLevel: state.escalationLevel,
    accountability: state.accountability,
    pendingApproval: state.pending[0]?.kind ?? null,
    trackingOfficeId: seed.trackingOfficeId ?? null,
    recommendationId: seed.recommendationId ?? null,
    interviewId: state.interviewId ?? null,
    accountabilityOutcome: state.accountabilityOutcome ?? null,
    createdAt: seed.createdAt,
    updatedAt: state.updatedAt,
    closedAt: state.closedAt,
  };
}

export function findingRecord(state: FindingState): FindingRecord {
  return {
    ...findingView(state),
    version: state.seq,
    pendingSince: state.pending[0]?.since ?? null,
    openedBy: state.caseOpenedBy,
  };
}

/** A draft's row shows no plan deadline, so any policy gives it. */
const NO_PLAN_DUE: PolicyTiming<'planDueMs'> = { planDueMs: 0 };

/** A recommendation's finding before issue (草稿): its row only, version 0, no event and no workflow yet. */
export function draftFindingRecord(seed: FindingSeed, caseOpenedBy: string): FindingRecord {
  const record = findingRecord(assignedState(seed, caseOpenedBy, NO_PLAN_DUE));
  return { ...record, status: 'DRAFT', version: 0, updatedAt: seed.createdAt };
}
