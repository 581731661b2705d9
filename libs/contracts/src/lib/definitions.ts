import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FindingCommand } from './commands';
import type { FindingRecord } from './records';
import type { CaseWithFindings, FindingView } from './responses';
import type { AddFindingInput, FindingStatusSignal } from './workflow-io';

/** Answers once the case and its first findings are in the read model. */
export const caseOpenedUpdate = defineUpdate<CaseWithFindings>('caseOpened');
export const addFindingUpdate = defineUpdate<FindingView, [AddFindingInput]>('addFinding');
export const findingStatusSignal = defineSignal<[FindingStatusSignal]>('findingStatus');

/** Every step on a finding: validated before it enters history, answered once projected. */
export const findingCommandUpdate = defineUpdate<FindingView, [FindingCommand]>('findingCommand');
export const findingViewQuery = defineQuery<FindingView>('findingView');
/** The finding's full read-model record (version, pendingSince), for reconciliation to compare and re-project. */
export const findingRecordQuery = defineQuery<FindingRecord>('findingRecord');
