/** 整改状态 — where a finding stands in its rectification; `DRAFT` while its recommendation is unissued (no timer runs). */
export const FINDING_STATUSES = ['DRAFT', 'ASSIGNED', 'PLAN_SUBMITTED', 'RECTIFYING', 'REPORT_SUBMITTED', 'CLOSED'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** 案件状态 — a case is closed when all its findings are. */
export const CASE_STATUSES = ['OPEN', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * 纪检监察建议书 — where a recommendation stands: drafted, awaiting sign-off, issued, signed for
 * (签收), answered in writing (书面回复), closed with its last finding.
 */
export const RECOMMENDATION_STATUSES = ['DRAFT', 'PENDING_SIGNOFF', 'ISSUED', 'RECEIVED', 'REPLIED', 'CLOSED'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** 案件来源 — where the case came from. */
export const CASE_SOURCES = ['inspection', 'audit', 'review', 'report', 'other'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** 问责情况 — where an accountability referral stands; `decided` once the outcome (问责结果) came back. */
export const ACCOUNTABILITY_STATES = ['none', 'proposed', 'referred', 'rejected', 'decided'] as const;
export type Accountability = (typeof ACCOUNTABILITY_STATES)[number];

/** 问责对象 — whom accountability was decided for: a party organisation, or a leader (领导干部). */
export const ACCOUNTABILITY_TARGETS = ['organisation', 'leader'] as const;
export type AccountabilityTarget = (typeof ACCOUNTABILITY_TARGETS)[number];

/** 问责方式 — the forms 《中国共产党问责条例》 Art. 8 allows, per target. */
export const ACCOUNTABILITY_FORMS = {
  organisation: ['检查', '通报', '改组'],
  leader: ['通报批评', '诫勉', '组织调整', '组织处理', '纪律处分'],
} as const;
export type AccountabilityForm = (typeof ACCOUNTABILITY_FORMS)[AccountabilityTarget][number];
export const ALL_ACCOUNTABILITY_FORMS: readonly AccountabilityForm[] = [
  ...ACCOUNTABILITY_FORMS.organisation,
  ...ACCOUNTABILITY_FORMS.leader,
];

/** 四种形态 — which of the four forms of supervision and discipline an outcome counts under. */
export const FOUR_FORMS = [1, 2, 3, 4] as const;
export type FourForm = (typeof FOUR_FORMS)[number];

/** 待审批 — the kind of supervisor decision a finding waits on. */
export const APPROVAL_KINDS = ['plan', 'verification', 'extension', 'accountability', 'followUp'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/** `admin` (系统管理员) keeps the org and people registers and reads no case, finding or audit content. */
export const ROLES = ['officer', 'supervisor', 'unit', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 督办层级: 1 督办通知, 2 约谈, 3 问责建议. */
export const MAX_ESCALATION_LEVEL = 3;

export const FINDING_EVENT_TYPES = [
  'ASSIGNED',
  'PLAN_SUBMITTED',
  'PLAN_APPROVED',
  'PLAN_RETURNED',
  'REMINDER_SENT',
  'REPORT_SUBMITTED',
  'VERIFICATION_PASSED',
  'VERIFICATION_FAILED',
  'EXTENSION_REQUESTED',
  'EXTENSION_APPROVED',
  'EXTENSION_DENIED',
  'PLAN_OVERDUE',
  'OVERDUE',
  'ESCALATED',
  'ACCOUNTABILITY_REFERRED',
  'ACCOUNTABILITY_REJECTED',
  'ACCOUNTABILITY_DECIDED',
  'APPROVAL_OVERDUE',
  'CLOSED',
  'FOLLOW_UP_DUE',
  'FOLLOW_UP_HELD',
  'FOLLOW_UP_RELAPSED',
  'INTERVIEW_PROPOSED',
  'INTERVIEW_HELD',
] as const;
export type FindingEventType = (typeof FINDING_EVENT_TYPES)[number];

export const CASE_EVENT_TYPES = ['CASE_OPENED', 'FINDING_ADDED', 'CASE_CLOSED'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * Events of a recommendation's own timeline; its reply reminder and a sign-off past the approval
 * SLA are the finding's `REMINDER_SENT` and `APPROVAL_OVERDUE`.
 */
export const RECOMMENDATION_EVENT_TYPES = [
  'RECOMMENDATION_DRAFTED',
  'RECOMMENDATION_EDITED',
  'RECOMMENDATION_SUBMITTED',
  'RECOMMENDATION_RETURNED',
  'RECOMMENDATION_ISSUED',
  'RECEIPT_SIGNED',
  'RECEIPT_OVERDUE',
  'REPLY_SUBMITTED',
  'REPLY_OVERDUE',
  'RECOMMENDATION_CLOSED',
] as const;
export type RecommendationEventType = (typeof RECOMMENDATION_EVENT_TYPES)[number] | 'REMINDER_SENT' | 'APPROVAL_OVERDUE';

/**
 * 约谈 — where an interview of a unit's responsible leader stands: proposed at escalation level 2,
 * scheduled (again while scheduled moves it), held. A unit has at most one PROPOSED or SCHEDULED.
 */
export const INTERVIEW_STATUSES = ['PROPOSED', 'SCHEDULED', 'HELD'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** Who is interviewed: 主要负责人, 分管领导, 直接责任人. */
export const INTERVIEWEE_TIERS = ['principal', 'deputy', 'direct'] as const;
export type IntervieweeTier = (typeof INTERVIEWEE_TIERS)[number];

/** Events of an interview's own timeline; its findings record INTERVIEW_PROPOSED and INTERVIEW_HELD on theirs. */
export const INTERVIEW_EVENT_TYPES = [
  'INTERVIEW_PROPOSED',
  'INTERVIEW_JOINED',
  'INTERVIEW_SCHEDULED',
  'INTERVIEW_HELD',
  'INTERVIEW_OVERDUE',
] as const;
export type InterviewEventType = (typeof INTERVIEW_EVENT_TYPES)[number];

/** Events of the registers (组织机构, 人员): each write of an org unit or a person, in the audit log's hash chain. */
export const REGISTER_EVENT_TYPES = ['ORG_UNIT_SAVED', 'PERSON_SAVED'] as const;
export type RegisterEventType = (typeof REGISTER_EVENT_TYPES)[number];

/** Events of the formal documents (文书): each issue, with the SHA-256 of both frozen renderings. */
export const DOCUMENT_EVENT_TYPES = ['DOCUMENT_ISSUED'] as const;
export type DocumentEventType = (typeof DOCUMENT_EVENT_TYPES)[number];

export type EventType =
  | FindingEventType
  | CaseEventType
  | RecommendationEventType
  | InterviewEventType
  | RegisterEventType
  | DocumentEventType;
export const EVENT_TYPES: readonly EventType[] = [
  ...new Set<EventType>([
    ...FINDING_EVENT_TYPES,
    ...CASE_EVENT_TYPES,
    ...RECOMMENDATION_EVENT_TYPES,
    ...INTERVIEW_EVENT_TYPES,
    ...REGISTER_EVENT_TYPES,
    ...DOCUMENT_EVENT_TYPES,
  ]),
];

/**
 * 文书种类 — the formal documents the practice runs on: 纪检监察建议书, 督办通知书 (escalation level 1),
 * 约谈通知书 (level 2), 问责建议书 (level 3).
 */
export const DOCUMENT_KINDS = ['recommendation', 'supervision_notice', 'interview_notice', 'accountability_proposal'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The formats every document is frozen in: PDF to print and archive, DOCX to edit in Word or WPS. */
export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** 证据文件类型 — what an upload may be, told by its content, not its name (OFD: China's fixed-layout format). */
export const FILE_TYPES = ['pdf', 'ofd', 'jpg', 'png', 'docx', 'xlsx', 'doc', 'xls', 'zip', 'txt'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/**
 * 组织机构类型 — the discipline side (纪委监委, 纪检监察室, 派驻纪检监察组, 乡镇纪委) and the supervised
 * side (责任单位), the only kind a finding can be assigned to.
 */
export const ORG_UNIT_KINDS = ['commission', 'office', 'stationed_group', 'township_commission', 'unit'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** The org unit every tree grows from, created by a migration. */
export const ROOT_ORG_UNIT_ID = 'ROOT';

/** Who timers act as in the timeline. */
export const SYSTEM_ACTOR = 'system';
