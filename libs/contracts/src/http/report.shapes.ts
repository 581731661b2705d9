import { z } from 'zod/v4';
import { FINDING_STATUSES } from '../lib/vocabulary';
import { Count, Instant, shape } from './registry';

const UnitSummarySchema = z.object({ unitId: z.string(), total: Count, closed: Count, overdue: Count });
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

/** The numbers supervisors report upward: how much is fixed, how much is late, where. */
export const FindingsSummarySchema = shape(
  'FindingsSummary',
  'totals by status, escalation level and unit, and the rectification rate',
  z.object({
    findings: z.object({
      total: Count,
      byStatus: z.record(z.enum(FINDING_STATUSES), Count),
      overdue: Count,
      byEscalationLevel: z.record(z.string(), Count),
    }),
    rectificationRate: z.number().min(0).max(1).meta({ description: 'closed / total, 0 when there is nothing yet, rounded to 4 decimals' }),
    byUnit: z.array(UnitSummarySchema),
  }),
);
export type FindingsSummary = z.infer<typeof FindingsSummarySchema>;

/** Findings opened, closed (销号) and gone overdue in one calendar month of the business zone. */
const TrendMonthSchema = z.object({
  month: z.string().meta({ description: 'YYYY-MM', example: '2026-06' }),
  opened: Count,
  closed: Count,
  overdue: Count.meta({ description: 'distinct findings that went overdue (an OVERDUE event) in the month' }),
});
export type TrendMonth = z.infer<typeof TrendMonthSchema>;

export const TrendSchema = shape(
  'Trend',
  'per month of the business time zone: findings opened, closed out, and gone overdue',
  z.object({ timeZone: z.string(), months: z.array(TrendMonthSchema) }),
);
export type Trend = z.infer<typeof TrendSchema>;

/** How long open overdue findings have been overdue, in calendar days since their deadline. */
const AgeingBucketsSchema = z.object({ upTo7: Count, upTo30: Count, upTo90: Count, over90: Count, total: Count });
export type AgeingBuckets = z.infer<typeof AgeingBucketsSchema>;

export const OverdueAgeingSchema = shape(
  'OverdueAgeing',
  'open overdue findings by calendar days past their deadline (≤7, ≤30, ≤90, >90), overall and by unit',
  AgeingBucketsSchema.extend({ asOf: Instant, byUnit: z.array(AgeingBucketsSchema.extend({ unitId: z.string() })) }),
);
export type OverdueAgeing = z.infer<typeof OverdueAgeingSchema>;

/** Days from recording a finding to its close-out, as percentiles (linear interpolation); null with none closed. */
const CloseTimesSchema = z.object({
  closed: Count,
  p50Days: z.number().nullable(),
  p75Days: z.number().nullable(),
  p90Days: z.number().nullable(),
});
export type CloseTimes = z.infer<typeof CloseTimesSchema>;

export const TimeToCloseSchema = shape(
  'TimeToClose',
  'days from recording to close-out (p50, p75, p90), overall and by unit',
  CloseTimesSchema.extend({ byUnit: z.array(CloseTimesSchema.extend({ unitId: z.string() })) }),
);
export type TimeToClose = z.infer<typeof TimeToCloseSchema>;

/** 约谈 counted by when they were proposed: how many, how many held, how many overdue (INTERVIEW_OVERDUE). */
const InterviewCountsSchema = z.object({ proposed: Count, held: Count, overdue: Count });

const AccountabilityCountsSchema = z.object({
  /** Referrals (移送问责) and rejections decided in the period. */
  referred: Count,
  rejected: Count,
  /** Outcomes (问责结果) decided in the period, by their decision date. */
  decided: Count,
  byForm: z.record(z.string(), Count).meta({ description: '问责方式 → outcomes; every form of both targets, 0 when none' }),
  byFourForm: z.record(z.enum(['1', '2', '3', '4']), Count).meta({ description: '四种形态 (1–4) → outcomes' }),
});

const AccountabilityUnitSchema = z.object({ unitId: z.string(), unitName: z.string().nullable(), interviews: Count, decided: Count });

/** The statistics of 约谈 and 问责 reported upward (domain.md: by form and by 形态). */
export const AccountabilityReportSchema = shape(
  'AccountabilityReport',
  '约谈 and 问责 statistics: interviews proposed from..to, held and overdue; referrals, rejections and outcomes decided from..to, by form, by 形态 and by unit',
  z.object({
    from: Instant.nullable(),
    to: Instant.nullable(),
    interviews: InterviewCountsSchema,
    accountability: AccountabilityCountsSchema,
    byUnit: z.array(AccountabilityUnitSchema),
  }),
);
export type AccountabilityReport = z.infer<typeof AccountabilityReportSchema>;
