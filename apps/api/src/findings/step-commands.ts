import type { Evidence, FindingStep } from '@reform/contracts';
import { normaliseIsoDate } from '../validation/iso-date.validators';
import type { DecideAccountabilityDto } from './dto/accountability.dto';
import type { RecordAccountabilityOutcomeDto } from './dto/accountability-outcome.dto';
import type { DecideExtensionDto, RequestExtensionDto } from './dto/extension.dto';
import type { ReviewFollowUpDto } from './dto/follow-up.dto';
import type { DecidePlanDto, SubmitPlanDto } from './dto/plan.dto';
import type { SubmitReportDto } from './dto/report.dto';
import type { VerifyDto } from './dto/verification.dto';

/** The unit's steps (方案, 报告, 延期) may come only from the finding's own responsible unit. */
export type UnitStep = Extract<FindingStep, { type: 'submitPlan' | 'submitReport' | 'requestExtension' }>;
/** The supervisor's decisions. */
export type DecisionStep = Exclude<FindingStep, UnitStep>;

/** Plain objects built field by field: validated DTOs in, exactly the contract's commands out. */
export const stepCommands = {
  plan: (dto: SubmitPlanDto): UnitStep => ({ type: 'submitPlan', content: dto.content }),

  /** `evidence` is the DTO's, each `{fileId}` resolved to the stored file's name and SHA-256. */
  report: (dto: SubmitReportDto, evidence: Evidence[]): UnitStep => ({ type: 'submitReport', content: dto.content, evidence }),

  /** `requestedDueAt` is the resolved deadline: the DTO's date, or its working days counted by the API. */
  extension: (dto: RequestExtensionDto, requestedDueAt: string): UnitStep => ({
    type: 'requestExtension',
    requestedDueAt: normaliseIsoDate(requestedDueAt),
    reason: dto.reason,
  }),

  planDecision: (dto: DecidePlanDto): DecisionStep => ({
    type: 'decidePlan',
    decision: dto.decision,
    comment: dto.comment ?? '',
  }),

  verification: (dto: VerifyDto): DecisionStep => ({
    type: 'verify',
    decision: dto.decision,
    comment: dto.comment ?? '',
    ...(dto.newDueAt !== undefined ? { newDueAt: normaliseIsoDate(dto.newDueAt) } : {}),
  }),

  extensionDecision: (dto: DecideExtensionDto): DecisionStep => ({
    type: 'decideExtension',
    decision: dto.decision,
    comment: dto.comment ?? '',
  }),

  accountabilityDecision: (dto: DecideAccountabilityDto): DecisionStep => ({
    type: 'decideAccountability',
    decision: dto.decision,
    comment: dto.comment ?? '',
  }),

  /** A leader's name only for a leader; the decision date normalised. */
  accountabilityOutcome: (dto: RecordAccountabilityOutcomeDto): DecisionStep => ({
    type: 'recordAccountabilityOutcome',
    target: dto.target,
    personName: dto.target === 'leader' ? (dto.personName ?? null) : null,
    form: dto.form,
    decidedBy: dto.decidedBy,
    decisionDocNo: dto.decisionDocNo,
    decidedAt: normaliseIsoDate(dto.decidedAt),
    fourForm: dto.fourForm,
  }),

  followUp: (dto: ReviewFollowUpDto): DecisionStep => ({
    type: 'reviewFollowUp',
    result: dto.result,
    comment: dto.comment ?? '',
    ...(dto.newDueAt !== undefined ? { newDueAt: normaliseIsoDate(dto.newDueAt) } : {}),
  }),
};
