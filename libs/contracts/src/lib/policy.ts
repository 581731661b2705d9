/** The durations that drive every timer, in milliseconds (read from POLICY_* at start). */
export interface Policy {
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

export const POLICY_ENV = {
  planDueMs: 'POLICY_PLAN_DUE',
  remindBeforeMs: 'POLICY_REMIND_BEFORE',
  escalationStepMs: 'POLICY_ESCALATION_STEP',
  approvalSlaMs: 'POLICY_APPROVAL_SLA',
  followUpAfterMs: 'POLICY_FOLLOW_UP_AFTER',
  receiptDueMs: 'POLICY_RECEIPT_DUE',
  interviewDueMs: 'POLICY_INTERVIEW_DUE',
} as const satisfies Record<keyof Policy, string>;

export const POLICY_DEFAULTS = {
  POLICY_PLAN_DUE: 'P7D',
  POLICY_REMIND_BEFORE: 'P3D',
  POLICY_ESCALATION_STEP: 'P7D',
  POLICY_APPROVAL_SLA: 'P3D',
  POLICY_FOLLOW_UP_AFTER: 'P90D',
  POLICY_RECEIPT_DUE: 'P3D',
  POLICY_INTERVIEW_DUE: 'P7D',
} as const;
