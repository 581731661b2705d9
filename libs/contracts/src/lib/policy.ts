/** The durations that drive every timer, in milliseconds (read from POLICY_* at start). */
export interface PolicyDurations {
  planDueMs: number;
  remindBeforeMs: number;
  escalationStepMs: number;
  approvalSlaMs: number;
  followUpAfterMs: number;
  /** 签收 due this long after a recommendation is issued. */
  receiptDueMs: number;
  /** 约谈 to be held this long after it was proposed. */
  interviewDueMs: number;
}

/** One reminder before a deadline (an entry of POLICY_REMIND_BEFORE): its calendar months, then its milliseconds. */
export interface ReminderOffset {
  ms: number;
  /** Absent or 0, none. */
  months?: number;
}

/**
 * The policy a workflow starts with, and carries for its whole life. A duration written with
 * months (P2M, P1M15D) is its calendar months, counted on the wall clock of `timeZone`, then its
 * milliseconds. Workflows started before months were accepted carry neither field: no months.
 */
export interface Policy extends PolicyDurations {
  /** Whole calendar months of a duration, before its milliseconds; absent or 0, none. */
  months?: Partial<Record<keyof PolicyDurations, number>>;
  /** TZ_BUSINESS, in which months are counted (the same day of the month, else its last day). */
  timeZone?: string;
  /**
   * Every offset of a POLICY_REMIND_BEFORE list, longest first, each reminding once per deadline;
   * `remindBeforeMs` is the longest. Absent for a single offset, as for workflows started before lists.
   */
  reminders?: ReminderOffset[];
}

export const POLICY_ENV = {
  planDueMs: 'POLICY_PLAN_DUE',
  remindBeforeMs: 'POLICY_REMIND_BEFORE',
  escalationStepMs: 'POLICY_ESCALATION_STEP',
  approvalSlaMs: 'POLICY_APPROVAL_SLA',
  followUpAfterMs: 'POLICY_FOLLOW_UP_AFTER',
  receiptDueMs: 'POLICY_RECEIPT_DUE',
  interviewDueMs: 'POLICY_INTERVIEW_DUE',
} as const satisfies Record<keyof PolicyDurations, string>;

export const POLICY_DEFAULTS = {
  POLICY_PLAN_DUE: 'P7D',
  POLICY_REMIND_BEFORE: 'P3D',
  POLICY_ESCALATION_STEP: 'P7D',
  POLICY_APPROVAL_SLA: 'P3D',
  POLICY_FOLLOW_UP_AFTER: 'P90D',
  POLICY_RECEIPT_DUE: 'P3D',
  POLICY_INTERVIEW_DUE: 'P7D',
} as const;
