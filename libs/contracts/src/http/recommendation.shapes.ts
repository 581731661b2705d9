import { z } from 'zod/v4';
import { RECOMMENDATION_STATUSES } from '../lib/vocabulary';
import { TimelineEventSchema } from './finding.shapes';
import { FindingPageSchema } from './page.shapes';
import { Count, Instant, shape, Uuid } from './registry';

export const ReceiptSchema = shape(
  'Receipt',
  '签收 — who signed for an issued recommendation, with their statement (表态)',
  z.object({ signedBy: z.string(), statement: z.string(), signedAt: Instant, actor: z.string() }),
);
export type Receipt = z.infer<typeof ReceiptSchema>;

export const ReplySchema = shape(
  'Reply',
  '书面回复 — the unit’s written answer, signed by its head',
  z.object({ content: z.string(), signedBy: z.string(), submittedAt: Instant }),
);
export type Reply = z.infer<typeof ReplySchema>;

/** 纪检监察建议书 — a recommendation to one unit, with the findings it carries. */
export const RecommendationViewSchema = shape(
  'Recommendation',
  '纪检监察建议书 — a formal recommendation to one unit: its problems, causes, measures and reply deadline',
  z.object({
    id: Uuid,
    caseId: Uuid,
    unitId: z.string(),
    /** 跟踪单位 — the discipline-side org unit that drafted it and follows it up. */
    trackingOfficeId: z.string(),
    /** 文号, set when issued. */
    docNo: z.string().nullable(),
    /** The issued document (`GET /documents/:id`), null before issue. */
    documentId: Uuid.nullable(),
    title: z.string(),
    causeAnalysis: z.string(),
    measures: z.string(),
    replyDueAt: Instant,
    status: z.enum(RECOMMENDATION_STATUSES),
    findingIds: z.array(Uuid),
    draftedBy: z.string(),
    /** The supervisor's comment when it was last returned to its drafter; null otherwise. */
    returnComment: z.string().nullable(),
    /** Since when it has waited for sign-off (PENDING_SIGNOFF), else null. */
    submittedAt: Instant.nullable(),
    issuedAt: Instant.nullable(),
    /** 签收 due by then (issue + POLICY_RECEIPT_DUE); null before issue. */
    receiptDueAt: Instant.nullable(),
    receipt: ReceiptSchema.nullable(),
    reply: ReplySchema.nullable(),
    overdue: z.object({ receipt: z.boolean(), reply: z.boolean() }),
    createdAt: Instant,
    updatedAt: Instant,
    closedAt: Instant.nullable(),
  }),
);
export type RecommendationView = z.infer<typeof RecommendationViewSchema>;

export const RecommendationWithEventsSchema = shape(
  'RecommendationWithEvents',
  'a recommendation with its own timeline, in order',
  RecommendationViewSchema.extend({ events: z.array(TimelineEventSchema) }),
);
export type RecommendationWithEvents = z.infer<typeof RecommendationWithEventsSchema>;

export const RecommendationPageSchema = shape(
  'RecommendationPage',
  'one page of recommendations, newest first, and how many match in all',
  z.object({ items: z.array(RecommendationViewSchema), total: Count }),
);
export type RecommendationPage = z.infer<typeof RecommendationPageSchema>;

const RecommendationCounts = {
  /** Issued within the period. */
  issued: Count,
  /** Of those: signed for by their receipt deadline, late, not yet. */
  signedInTime: Count,
  signedLate: Count,
  awaitingReceipt: Count,
  /** Of those: answered by their reply deadline, late, not yet. */
  answeredInTime: Count,
  answeredLate: Count,
  awaitingReply: Count,
};

export const RecommendationUnitRowSchema = shape(
  'RecommendationUnitRow',
  'one unit’s recommendations of the period',
  z.object({ unitId: z.string(), unitName: z.string().nullable(), ...RecommendationCounts }),
);

export const RecommendationReportSchema = shape(
  'RecommendationReport',
  '建议书 statistics: recommendations issued in the period, how many were signed for and answered in time, by unit',
  z.object({ from: Instant.nullable(), to: Instant.nullable(), ...RecommendationCounts, byUnit: z.array(RecommendationUnitRowSchema) }),
);
export type RecommendationReport = z.infer<typeof RecommendationReportSchema>;

export const ApprovalQueueSchema = shape(
  'ApprovalQueue',
  "the supervisors' queue: findings waiting on a decision (`items`, oldest first) and recommendations waiting for sign-off",
  FindingPageSchema.extend({ recommendations: z.array(RecommendationViewSchema) }),
);
export type ApprovalQueue = z.infer<typeof ApprovalQueueSchema>;
