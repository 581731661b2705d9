import type {
  CarriedRecommendationState,
  EventRecord,
  FindingRecord,
  RecommendationRecord,
  RecommendationSeed,
  RecommendationView,
} from '@reform/contracts';
import { draftFindingRecord } from '../finding/finding-state';

/** Everything a recommendation's workflow knows; its shape is the contract's, since it crosses continue-as-new. */
export type RecommendationState = CarriedRecommendationState;

/** The state right after drafting: RECOMMENDATION_DRAFTED is seq 1. */
export function draftedState(seed: RecommendationSeed, caseOpenedBy: string): RecommendationState {
  return {
    seed,
    caseOpenedBy,
    status: 'DRAFT',
    title: seed.title,
    causeAnalysis: seed.causeAnalysis,
    measures: seed.measures,
    replyDueAt: seed.replyDueAt,
    returnComment: null,
    submittedBy: null,
    submittedAt: null,
    approvalSlaReported: false,
    issuing: null,
    docNo: null,
    documentId: null,
    issuedAt: null,
    receiptDueAt: null,
    receipt: null,
    reply: null,
    overdue: { receipt: false, reply: false },
    receiptOverdueReported: false,
    replyOverdueReported: false,
    replyReminded: false,
    findingStatuses: Object.fromEntries(seed.findings.map((finding) => [finding.id, 'DRAFT'])),
    replyTaken: [],
    finishedFindingIds: [],
    closedAt: null,
    updatedAt: seed.createdAt,
    seq: 1,
    version: 1,
  };
}

/** The recommendation's first event (seq 1, which draftedState counts). */
export function draftedEvent(seed: RecommendationSeed): EventRecord {
  return {
    entityId: seed.id,
    entityType: 'recommendation',
    caseId: seed.caseId,
    seq: 1,
    type: 'RECOMMENDATION_DRAFTED',
    at: seed.createdAt,
    actor: seed.draftedBy.id,
    data: { unitId: seed.unitId, title: seed.title, replyDueAt: seed.replyDueAt, findingIds: seed.findings.map((finding) => finding.id) },
  };
}

export function recommendationView(state: RecommendationState): RecommendationView {
  const { seed } = state;
  return {
    id: seed.id,
    caseId: seed.caseId,
    unitId: seed.unitId,
    trackingOfficeId: seed.trackingOfficeId,
    docNo: state.docNo,
    documentId: state.documentId,
    title: state.title,
    causeAnalysis: state.causeAnalysis,
    measures: state.measures,
    replyDueAt: state.replyDueAt,
    status: state.status,
    findingIds: seed.findings.map((finding) => finding.id),
    draftedBy: seed.draftedBy.id,
    returnComment: state.returnComment,
    submittedAt: state.submittedAt,
    issuedAt: state.issuedAt,
    receiptDueAt: state.receiptDueAt,
    receipt: state.receipt,
    reply: state.reply,
    overdue: { ...state.overdue },
    createdAt: seed.createdAt,
    updatedAt: state.updatedAt,
    closedAt: state.closedAt,
  };
}

export function recommendationRecord(state: RecommendationState): RecommendationRecord {
  return { ...recommendationView(state), version: state.version };
}

/** The rows a draft's findings get when it is drafted: DRAFT, no timer, no workflow yet. */
export function draftFindingRecords(seed: RecommendationSeed, caseOpenedBy: string): FindingRecord[] {
  return seed.findings.map((finding) => draftFindingRecord(finding, caseOpenedBy));
}
