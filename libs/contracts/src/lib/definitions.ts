import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FindingCommand, RecommendationCommand } from './commands';
import type { FindingRecord } from './records';
import type { CaseWithFindings, FindingView, RecommendationView } from './responses';
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
