import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  findingWorkflowId,
  interviewCommandUpdate,
  interviewHeldSignal,
  interviewHeldTakenSignal,
  joinInterviewUpdate,
  type InterviewDeskInput,
  type InterviewView,
  type Notification,
  type ReformActivities,
} from '@reform/contracts';
import { emptyDesk, InterviewDesk, type InterviewEffects } from '@reform/domain';
import { DATABASE_WRITE, HISTORY_LIMIT, NOTIFICATION } from './activity-options';
import { BackgroundWork } from './background-work';
import { asFailure } from './failures';

const { projectInterview } = proxyActivities<Pick<ReformActivities, 'projectInterview'>>(DATABASE_WRITE);
const { notify } = proxyActivities<Pick<ReformActivities, 'notify'>>(NOTIFICATION);

/** How long a record waits for its findings to put INTERVIEW_HELD on their timelines before it answers anyway. */
const HELD_ON_TIMELINES_WITHIN = '30 seconds';

/**
 * 约谈 — one unit's interview desk, for as long as the unit has findings: the one place its
 * interviews are opened, so that concurrent escalations of its findings (and their retries) join a
 * single open interview. Its steps are Updates with validators, like a finding's.
 */
export async function interviewDeskWorkflow(input: InterviewDeskInput): Promise<void> {
  const state = input.carried ?? emptyDesk(input.unitId);
  const desk = new InterviewDesk(state, input.policy);
  const background = new BackgroundWork();
  const heldTaken = new Map<string, Set<string>>();
  let steps = 0;

  const send = (notification: Notification) => background.track(notify(notification));

  const record = async (effects: InterviewEffects) => {
    if (!effects.interview) return;
    const { deliver } = await projectInterview({
      interview: effects.interview,
      events: effects.events,
      notifications: effects.notifications,
    });
    effects.notifications.filter((notification) => deliver.includes(notification.key)).forEach(send);
  };

  /** Each finding of a held interview records it; answered once all have, or a finding's workflow is gone. */
  const tellFindingsHeld = async (view: InterviewView, actor: string) => {
    const taken = new Set<string>();
    heldTaken.set(view.id, taken);
    await Promise.all(
      view.findingIds.map((findingId) =>
        getExternalWorkflowHandle(findingWorkflowId(findingId))
          .signal(interviewHeldSignal, { interviewId: view.id, heldAt: view.heldAt as string, actor })
          .catch((error: Error) => {
            log.warn('finding did not take the interview held signal', { findingId, error: error.message });
            taken.add(findingId);
          }),
      ),
    );
    await condition(() => view.findingIds.every((findingId) => taken.has(findingId)), HELD_ON_TIMELINES_WITHIN);
    heldTaken.delete(view.id);
  };

  setHandler(joinInterviewUpdate, async (request) => {
    const { interviewId, effects } = desk.join(request, uuid4(), Date.now());
    steps += 1;
    await record(effects);
    return { interviewId };
  });

  setHandler(
    interviewCommandUpdate,
    async (command) => {
      const effects = desk.apply(command, Date.now());
      steps += 1;
      await record(effects);
      const view = effects.interview as InterviewView;
      if (command.type === 'record') await tellFindingsHeld(view, command.actor.id);
      return desk.openView(view.id) ?? withoutVersion(effects);
    },
    {
      validator: (command) => {
        try {
          desk.check(command, Date.now());
        } catch (error) {
          throw asFailure(error);
        }
      },
    },
  );

  setHandler(interviewHeldTakenSignal, ({ interviewId, findingId }) => {
    heldTaken.get(interviewId)?.add(findingId);
  });

  const continueAsNewDue = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_LIMIT;
  for (;;) {
    const wakeAt = desk.nextWakeAt();
    const seen = steps;
    const moved = () => steps !== seen;
    const waitMs = wakeAt === null ? undefined : Math.ceil(wakeAt - Date.now());
    if (waitMs === undefined) await condition(moved);
    else if (waitMs > 0) await condition(moved, waitMs);
    await record(desk.fireDueTimers(Date.now()));
    if (continueAsNewDue()) {
      await condition(allHandlersFinished);
      await background.settled();
      await continueAsNew<typeof interviewDeskWorkflow>({ ...input, carried: state });
    }
  }
}

function withoutVersion(effects: InterviewEffects): InterviewView {
  const { version: _version, joinedAt: _joinedAt, ...view } = effects.interview as NonNullable<InterviewEffects['interview']>;
  return view;
}
