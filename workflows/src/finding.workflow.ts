import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  caseWorkflowId,
  documentTaskQueue,
  findingCommandUpdate,
  findingRecordQuery,
  findingStatusSignal,
  findingViewQuery,
  interviewDeskWorkflowId,
  interviewHeldSignal,
  interviewHeldTakenSignal,
  recommendationWorkflowId,
  replyPlanSignal,
  type FindingProjectionActivity,
  type FindingView,
  type FindingStatusSignal,
  type DocumentRequest,
  type FindingWorkflowInput,
  type Notification,
  type ReformActivities,
} from '@reform/contracts';
import { FindingLifecycle, assignedState, escalationDocuments, type Effects } from '@reform/domain';
import { DATABASE_WRITE, DOCUMENT_ISSUE, HISTORY_LIMIT, NOTIFICATION } from './activity-options';
import { BackgroundWork } from './background-work';
import { asFailure } from './failures';

// Only the listed projections: reconciliation counts these as in flight while they retry.
const { projectFinding, projectFindingEffects } = proxyActivities<Pick<ReformActivities, FindingProjectionActivity>>(DATABASE_WRITE);
const { notify } = proxyActivities<ReformActivities>(NOTIFICATION);
const { joinInterview } = proxyActivities<Pick<ReformActivities, 'joinInterview'>>(DATABASE_WRITE);

/**
 * Since this patch the projection of events that notify someone also records the notifications
 * in the outbox, in the same transaction, and `notify` runs only for what a webhook must still
 * receive: a deadline firing costs one activity instead of two, with their tasks (README, Performance).
 */
const PROJECTION_RECORDS_NOTIFICATIONS = 'projection-records-notifications';

/** Since this patch each rung of the ladder issues its document (督办通知书, 约谈通知书, 问责建议书). */
const ESCALATION_ISSUES_DOCUMENTS = 'escalation-issues-documents';

/** Since this patch level 2 joins the unit's interview (约谈) or opens one, through the unit's interview desk. */
const ESCALATION_PROPOSES_INTERVIEW = 'escalation-proposes-interview';

/**
 * Since this patch an overdue finding's ladder waits while its extension request awaits a
 * decision, and resumes one step after a denial. The domain asks only where the answer changes
 * what happens, so histories without such a moment carry no marker.
 */
const ESCALATION_WAITS_FOR_EXTENSION = 'escalation-waits-for-extension';

/**
 * Since this patch a finding whose accountability was referred keeps its workflow after its
 * follow-up held, until the outcome (问责结果) is recorded: before it, the workflow ended and a
 * later outcome found none. Asked only when it decides whether to end, so that histories that
 * never end with a referral pending carry no marker.
 */
const AWAIT_ACCOUNTABILITY_OUTCOME = 'await-accountability-outcome';

/**
 * Since this patch a finding told its interview was held before it heard its own join answered
 * (a worker died between the desk's answer and its report) records INTERVIEW_PROPOSED and
 * INTERVIEW_HELD then; before, it recorded neither then, and waited on for an interview held already.
 * Asked only at such a moment.
 */
const HELD_BEFORE_JOIN_ANSWERED_COUNTS = 'held-before-join-answered-counts';

export interface FindingWorkflowOptions {
  /** Lower only in tests, to exercise continue-as-new. */
  historyLimit?: number;
}

/** 问题整改 — one finding, from assignment to its follow-up review; every timer lives here. */
export async function findingWorkflow(input: FindingWorkflowInput & FindingWorkflowOptions): Promise<FindingView> {
  const state = input.carried ?? assignedState(input.seed, input.caseOpenedBy, input.policy);
  const lifecycle = new FindingLifecycle(state, input.policy, {
    ladderWaitsForExtension: () => patched(ESCALATION_WAITS_FOR_EXTENSION),
    heldBeforeJoinAnsweredCounts: () => patched(HELD_BEFORE_JOIN_ANSWERED_COUNTS),
  });
  const background = new BackgroundWork();
  let steps = 0;
  let reportedStatus = state.status;

  // Deliveries and documents run beside the workflow's steps; it waits for them only before it ends or continues.
  const send = (notification: Notification) => background.track(notify(notification));
  // The queue is not among what replay compares, so histories that issued on the workflow's own queue replay unchanged.
  const { issueDocument } = proxyActivities<Pick<ReformActivities, 'issueDocument'>>({
    ...DOCUMENT_ISSUE,
    taskQueue: documentTaskQueue(workflowInfo().taskQueue),
  });
  const issue = (request: DocumentRequest) => background.track(issueDocument(request));

  /** The case (and the recommendation carrying the finding, if any) hear when it closes, reopens or ends. */
  const tellCase = async (finished: boolean) => {
    reportedStatus = state.status;
    const signal = { findingId: state.seed.id, status: state.status, finished };
    const { caseId, recommendationId } = state.seed;
    await Promise.all([
      getExternalWorkflowHandle(caseWorkflowId(caseId))
        .signal(findingStatusSignal, signal)
        .catch((error: Error) => log.warn('case did not take the status signal', { error: error.message })),
      recommendationId ? tellRecommendation(recommendationId, signal) : undefined,
    ]);
  };
  const tellRecommendation = (recommendationId: string, signal: FindingStatusSignal) =>
    getExternalWorkflowHandle(recommendationWorkflowId(recommendationId))
      .signal(findingStatusSignal, signal)
      .catch((error: Error) => log.warn('recommendation did not take the status signal', { error: error.message }));

  const record = async (effects: Effects) => {
    if (effects.events.length === 0) return;
    const { events, notifications } = effects;
    // Projections stay regular activities: a write made inside a workflow task that is then
    // discarded (worker killed) could differ from the retried task's, under the same seq.
    if (notifications.length > 0 && patched(PROJECTION_RECORDS_NOTIFICATIONS)) {
      const { deliver } = await projectFindingEffects({ finding: lifecycle.record(), events, notifications });
      notifications.filter((notification) => deliver.includes(notification.key)).forEach(send);
    } else {
      notifications.forEach(send);
      await projectFinding({ finding: lifecycle.record(), events });
    }
    const documents = escalationDocuments(state, events);
    // Asked only when there is something to issue, so that histories without an escalation carry no marker.
    if (documents.length > 0 && patched(ESCALATION_ISSUES_DOCUMENTS)) documents.forEach(issue);
    if ((state.status === 'CLOSED') !== (reportedStatus === 'CLOSED')) await tellCase(false);
    const reachedInterview = events.some((event) => event.type === 'ESCALATED' && event.data['level'] === 2);
    if (reachedInterview && !state.interviewId && patched(ESCALATION_PROPOSES_INTERVIEW)) await proposeInterview();
  };

  /** The unit's desk answers the interview this finding is in (the open one, or a new one); a retried join lands once. */
  const proposeInterview = async () => {
    const { seed } = state;
    const request = {
      unitId: seed.unitId,
      findingId: seed.id,
      caseId: seed.caseId,
      trackingOfficeId: seed.trackingOfficeId ?? null,
      at: new Date().toISOString(),
    };
    const { interviewId } = await joinInterview(request);
    await record(lifecycle.joinedInterview(interviewId, Date.now()));
  };

  setHandler(findingViewQuery, () => lifecycle.view());
  // Queries leave no trace in history, so a new one needs no patch: old histories replay as before.
  setHandler(findingRecordQuery, () => lifecycle.record());
  setHandler(
    findingCommandUpdate,
    async (command) => {
      const effects = lifecycle.apply(command, Date.now());
      steps += 1;
      await record(effects);
      return lifecycle.view();
    },
    {
      validator: (command) => {
        try {
          lifecycle.check(command, Date.now());
        } catch (error) {
          throw asFailure(error);
        }
      },
    },
  );

  // Only a recommendation's finding is sent this, so histories without one replay unchanged.
  setHandler(replyPlanSignal, async ({ content, actor }) => {
    steps += 1;
    await record(lifecycle.takeReplyPlan(content, actor, Date.now()));
    const signal = { findingId: state.seed.id, status: state.status, finished: false, replyTaken: true };
    await tellRecommendation(state.seed.recommendationId ?? '', signal);
  });

  // Only a finding that joined an interview is sent this, so histories without one replay unchanged.
  setHandler(interviewHeldSignal, async ({ interviewId, heldAt, actor }) => {
    steps += 1;
    await record(lifecycle.interviewHeld(interviewId, heldAt, actor, Date.now()));
    await getExternalWorkflowHandle(interviewDeskWorkflowId(state.seed.unitId))
      .signal(interviewHeldTakenSignal, { interviewId, findingId: state.seed.id })
      .catch((error: Error) => log.warn('interview desk did not take the held-taken signal', { error: error.message }));
  });

  const historyLimit = input.historyLimit ?? HISTORY_LIMIT;
  const continueAsNewDue = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyLimit;

  // Decided in the workflow's own code, never inside a condition's predicate (which may not record a marker).
  let awaitOutcome = false;
  const finished = () => {
    if (!awaitOutcome && lifecycle.awaitsOutcome && lifecycle.finished(false)) awaitOutcome = patched(AWAIT_ACCOUNTABILITY_OUTCOME);
    return lifecycle.finished(awaitOutcome);
  };

  while (!finished()) {
    const wakeAt = lifecycle.nextWakeAt();
    const seen = steps;
    const waitMs = wakeAt === null ? undefined : Math.ceil(wakeAt - Date.now());
    const moved = () => steps !== seen || lifecycle.finished(awaitOutcome);
    if (waitMs === undefined) await condition(moved);
    else if (waitMs > 0) await condition(moved, waitMs);
    await record(lifecycle.fireDueTimers(Date.now()));
    if (!finished() && continueAsNewDue()) {
      await condition(allHandlersFinished);
      await background.settled();
      await continueAsNew<typeof findingWorkflow>({ ...input, carried: state });
    }
  }

  await condition(allHandlersFinished);
  await background.settled();
  await tellCase(true);
  return lifecycle.view();
}
