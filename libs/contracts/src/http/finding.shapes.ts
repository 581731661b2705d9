import { z } from 'zod/v4';
import type { AccountabilityOutcome } from '../lib/commands';
import {
  ACCOUNTABILITY_STATES,
  ACCOUNTABILITY_TARGETS,
  ALL_ACCOUNTABILITY_FORMS,
  type AccountabilityForm,
  APPROVAL_KINDS,
  EVENT_TYPES,
  FINDING_STATUSES,
  MAX_ESCALATION_LEVEL,
  type EventType,
} from '../lib/vocabulary';
import { Instant, Lifetime, shape, Uuid, type Holds, type Same } from './registry';

/** 问责结果 — what the body with authority decided on a referred accountability. */
export const AccountabilityOutcomeSchema = shape(
  'AccountabilityOutcome',
  '问责结果 — target, form (《中国共产党问责条例》 Art. 8), deciding body, document number, date and 形态 (1–4)',
  z.object({
    target: z.enum(ACCOUNTABILITY_TARGETS),
    /** The leader held accountable; null for an organisation. */
    personName: z.string().nullable(),
    form: z.enum(ALL_ACCOUNTABILITY_FORMS as [AccountabilityForm, ...AccountabilityForm[]]),
    decidedBy: z.string(),
    decisionDocNo: z.string(),
    decidedAt: Instant,
    fourForm: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  }),
);
export type OutcomeAgrees = Holds<Same<z.infer<typeof AccountabilityOutcomeSchema>, AccountabilityOutcome>>;

/**
 * 问题 / 整改事项 — one weakness a unit must fix, as the contract returns it everywhere. A field
 * added here reaches the type, the persistence mapper's return type and the OpenAPI document at once.
 */
export const FindingViewSchema = shape(
  'Finding',
  '问题 / 整改事项 — one weakness a unit must fix',
  z.object({
    id: Uuid,
    caseId: Uuid,
    title: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    unitId: z.string(),
    responsiblePerson: z.string().nullable(),
    dueAt: Instant,
    status: z.enum(FINDING_STATUSES),
    overdue: z.boolean(),
    escalationLevel: z.int().min(0).max(MAX_ESCALATION_LEVEL),
    accountability: z.enum(ACCOUNTABILITY_STATES),
    pendingApproval: z.enum(APPROVAL_KINDS).nullable(),
    /** 跟踪单位 — the discipline-side org unit following the finding up; null for findings made before it was kept. */
    trackingOfficeId: z.string().nullable(),
    /** The 纪检监察建议书 the finding belongs to, if any. */
    recommendationId: z.string().nullable(),
    /** The 约谈 the finding is part of, if any. */
    interviewId: z.string().nullable(),
    /** 问责结果 — set once `accountability` is `decided`. */
    accountabilityOutcome: AccountabilityOutcomeSchema.nullable(),
    ...Lifetime,
  }),
);
export type FindingView = z.infer<typeof FindingViewSchema>;

/**
 * A finding as its lists and its own page return it: with the code and title of its case, so that
 * two findings of the same title in different cases can be told apart.
 */
export const FindingInCaseSchema = shape(
  'FindingInCase',
  '问题 / 整改事项 with the code (ZG-2026-0001) and title of the case it belongs to',
  FindingViewSchema.extend({
    caseCode: z.string().meta({ example: 'ZG-2026-0001' }),
    caseTitle: z.string(),
  }),
);
export type FindingInCase = z.infer<typeof FindingInCaseSchema>;

/** One entry of a timeline and of the audit log. */
export const TimelineEventSchema = shape(
  'TimelineEvent',
  'one entry of a timeline: what happened, when, and who did it (`system` for timers)',
  z.object({
    seq: z.int().positive(),
    type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
    at: Instant,
    actor: z.string(),
    /** The actor's name from the people register (人员); null for `system` and for ids the register does not have. */
    actorName: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  }),
);
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const AuditEntrySchema = shape(
  'AuditEntry',
  'one entry of the audit log: a timeline event and the case or finding it belongs to',
  TimelineEventSchema.extend({ entityId: Uuid }),
);
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const FindingWithEventsSchema = shape(
  'FindingWithEvents',
  'a finding (with its case code and title) and its timeline, in order',
  FindingInCaseSchema.extend({
    events: z.array(TimelineEventSchema),
    /** When an escalated finding reaches its next rung (督办 → 约谈 → 问责) if it stays as it is; null when none is coming. */
    nextEscalationAt: Instant.nullable(),
  }),
);
export type FindingWithEvents = z.infer<typeof FindingWithEventsSchema>;
