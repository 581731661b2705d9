import { z } from 'zod/v4';
import { INTERVIEW_STATUSES, INTERVIEWEE_TIERS } from '../lib/vocabulary';
import { TimelineEventSchema } from './finding.shapes';
import { Instant, shape, Uuid, Count } from './registry';

export const IntervieweeSchema = shape(
  'Interviewee',
  '约谈对象 — whom, and in which capacity: 主要负责人 (principal), 分管领导 (deputy), 直接责任人 (direct)',
  z.object({ name: z.string(), tier: z.enum(INTERVIEWEE_TIERS) }),
);
export type Interviewee = z.infer<typeof IntervieweeSchema>;

const RecordFile = z.object({ fileId: Uuid, name: z.string(), sha256: z.string() });

/** 约谈 — one interview of a unit's responsible leader, for the unit's findings that reached level 2. */
export const InterviewViewSchema = shape(
  'Interview',
  '约谈 — an interview of a unit’s responsible leader about its overdue findings: proposed at escalation level 2, scheduled, held',
  z.object({
    id: Uuid,
    unitId: z.string(),
    status: z.enum(INTERVIEW_STATUSES),
    /** The overdue findings it concerns, in the order they joined. */
    findingIds: z.array(Uuid),
    scheduledAt: Instant.nullable(),
    interviewer: z.string().nullable(),
    interviewee: IntervieweeSchema.nullable(),
    heldAt: Instant.nullable(),
    minutes: z.string().nullable(),
    /** 表态 — the interviewee's statement. */
    statement: z.string().nullable(),
    /** Files of the record, uploaded with POST /files. */
    evidence: z.array(RecordFile),
    /** Not held within POLICY_INTERVIEW_DUE of its proposal (stays true once it was). */
    overdue: z.boolean(),
    proposedAt: Instant,
    /** To be held by then: proposedAt + POLICY_INTERVIEW_DUE. */
    dueAt: Instant,
    /** 跟踪单位 of the finding that proposed it. */
    trackingOfficeId: z.string().nullable(),
    updatedAt: Instant,
  }),
);
export type InterviewView = z.infer<typeof InterviewViewSchema>;

export const InterviewWithEventsSchema = shape(
  'InterviewWithEvents',
  'an interview with its own timeline, in order',
  InterviewViewSchema.extend({ events: z.array(TimelineEventSchema) }),
);
export type InterviewWithEvents = z.infer<typeof InterviewWithEventsSchema>;

export const InterviewPageSchema = shape(
  'InterviewPage',
  'one page of interviews, the latest proposed first, and how many match in all',
  z.object({ items: z.array(InterviewViewSchema), total: Count }),
);
export type InterviewPage = z.infer<typeof InterviewPageSchema>;
