import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  documentTaskQueue,
  findingStatusSignal,
  findingWorkflowId,
  recommendationCommandUpdate,
  recommendationViewQuery,
  replyPlanSignal,
  type FindingRecord,
  type FindingSeed,
  type Notification,
  type RecommendationView,
  type RecommendationWorkflowInput,
  type ReformActivities,
  type ReplyToRecommendation,
} from '@reform/contracts';
import { draftedState, RecommendationLifecycle, type Effects } from '@reform/domain';
import { DATABASE_WRITE, DOCUMENT_ISSUE, HISTORY_LIMIT, NOTIFICATION } from './activity-options';
import { BackgroundWork } from './background-work';
import { asFailure } from './failures';
import { findingWorkflow } from './finding.workflow';

const { projectRecommendation } = proxyActivities<Pick<ReformActivities, 'projectRecommendation'>>(DATABASE_WRITE);
const { notify } = proxyActivities<Pick<ReformActivities, 'notify'>>(NOTIFICATION);

/**
 * 纪检监察建议书 — one recommendation, from its draft to its last finding's close: sign-off,
 * issue (numbered, rendered, frozen), receipt (签收) and written reply (书面回复), with every timer.
 * Its findings wait as DRAFT rows until the issue starts their workflows as its children.
 */
export async function recommendationWorkflow(input: RecommendationWorkflowInput): Promise<RecommendationView> {
  const state = input.carried ?? draftedState(input.seed, input.caseOpenedBy);
  const lifecycle = new RecommendationLifecycle(state, input.policy);
  const background = new BackgroundWork();
  let steps = 0;
  let projectedVersion = state.version;

  const send = (notification: Notification) => background.track(notify(notification));
  const { issueDocument } = proxyActivities<Pick<ReformActivities, 'issueDocument'>>({
    ...DOCUMENT_ISSUE,
    taskQueue: documentTaskQueue(workflowInfo().taskQueue),
  });

  const record = async (effects: Effects, findings: FindingRecord[] = []) => {
    if (state.version === projectedVersion && findings.length === 0) return;
    projectedVersion = state.version;
    const { events, notifications } = effects;
    const { deliver } = await projectRecommendation({ recommendation: lifecycle.record(), events, notifications, findings });
    notifications.filter((notification) => deliver.includes(notification.key)).forEach(send);
  };

  const startFinding = (seed: FindingSeed) =>
    startChild(findingWorkflow, {
      workflowId: findingWorkflowId(seed.id),
      args: [{ seed, caseOpenedBy: state.caseOpenedBy, policy: input.policy }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });

  /** Numbered and frozen first, so that the ISSUED row already carries its 文号; then the findings start. */
  const issue = async () => {
    const request = lifecycle.documentRequest();
    if (!request) return;
    const issued = lifecycle.issued(await issueDocument(request));
    // ISSUED arms the receipt and reply timers: the loop, asleep since the approval (no timer runs
    // while issuing), must wake to start them, or an unsigned recommendation would never be chased.
    steps += 1;
    await record(issued, issued.findingRecords);
    await Promise.all(issued.findings.map(startFinding));
  };

  /** Each finding takes its plan from the reply; answered once every one has it in the read model. */
  const handOutPlans = async (reply: ReplyToRecommendation & { actor: { id: string; name: string } }) => {
    await Promise.all(
      reply.plans.map((plan) =>
        getExternalWorkflowHandle(findingWorkflowId(plan.findingId)).signal(replyPlanSignal, { content: plan.content, actor: reply.actor }),
      ),
    );
    await condition(() => lifecycle.replyTakenByAll);
  };

  setHandler(recommendationViewQuery, () => lifecycle.view());
  setHandler(
    recommendationCommandUpdate,
    async (command) => {
      const effects = lifecycle.apply(command, Date.now());
      steps += 1;
      await record(effects);
      if (command.type === 'signOff' && command.decision === 'approve') await issue();
      if (command.type === 'reply') await handOutPlans(command);
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
  setHandler(findingStatusSignal, (signal) => {
    steps += 1;
    background.track(record(lifecycle.findingStatus(signal, Date.now())));
  });

  const continueAsNewDue = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_LIMIT;
  while (!lifecycle.finished) {
    const wakeAt = lifecycle.nextWakeAt();
    const seen = steps;
    const moved = () => steps !== seen || lifecycle.finished;
    const waitMs = wakeAt === null ? undefined : Math.ceil(wakeAt - Date.now());
    if (waitMs === undefined) await condition(moved);
    else if (waitMs > 0) await condition(moved, waitMs);
    await record(lifecycle.fireDueTimers(Date.now()));
    if (!lifecycle.finished && continueAsNewDue()) {
      await condition(allHandlersFinished);
      await background.settled();
      await continueAsNew<typeof recommendationWorkflow>({ ...input, carried: state });
    }
  }

  await condition(allHandlersFinished);
  await background.settled();
  return lifecycle.view();
}
