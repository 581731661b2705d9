import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FindingCommand, RecommendationCommand } from './commands';
import type { FindingRecord } from './records';
import type { CaseWithFindings, FindingView, InterviewView, RecommendationView } from './responses';
import type { InterviewCommand, InterviewHeldSignal, InterviewHeldTakenSignal, JoinInterviewRequest } from './interview';
import type { AddFindingInput, AddRecommendationInput, FindingStatusSignal, ReplyPlanSignal } from './workflow-io';

/** Answers once the case and its first findings are in the read model. */
export const caseOpenedUpdate = defineUpdate<CaseWithFindings>('caseOpened');
export const addFindingUpdate = defineUpdate<FindingView, [AddFindingInput]>('addFinding');
export const findingStatusSignal = defineSignal<[FindingStatusSignal]>('findingStatus');

/** Every step on a finding: validated before it enters history, answered once projected. */
export const findingCommandUpdate = defineUpdate<FindingView, [FindingCommand]>('findingCommand');
export const findingViewQuery = defineQuery<FindingView>('findingView');
/** The finding's full read-model record (version, pendingSince), for reconciliation to compare and re-project. */
export const findingRecordQuery = defineQuery<FindingRecord>('findingRecord');

/** The case drafts a recommendation: its findings join the case (DRAFT) and its workflow starts. */
export const addRecommendationUpdate = defineUpdate<RecommendationView, [AddRecommendationInput]>('addRecommendation');
export const recommendationCommandUpdate = defineUpdate<RecommendationView, [RecommendationCommand]>('recommendationCommand');
export const recommendationViewQuery = defineQuery<RecommendationView>('recommendationView');
/** The recommendation's written reply hands a finding its plan. */
export const replyPlanSignal = defineSignal<[ReplyPlanSignal]>('replyPlan');

/** A finding at level 2 joins its unit's open interview or opens one; answers the interview (retried joins land once). */
export const joinInterviewUpdate = defineUpdate<{ interviewId: string }, [JoinInterviewRequest]>('joinInterview');
/** 安排/记录约谈 on the unit's open interview: validated before it enters history, answered once projected. */
export const interviewCommandUpdate = defineUpdate<InterviewView, [InterviewCommand]>('interviewCommand');
export const interviewHeldSignal = defineSignal<[InterviewHeldSignal]>('interviewHeld');
export const interviewHeldTakenSignal = defineSignal<[InterviewHeldTakenSignal]>('interviewHeldTaken');
