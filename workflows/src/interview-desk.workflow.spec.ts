import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findingCommandUpdate,
  findingViewQuery,
  findingWorkflowId,
  interviewCommandUpdate,
  interviewDeskWorkflowId,
  joinInterviewUpdate,
  type InterviewRecord,
  type Policy,
} from '@reform/contracts';
import { findingWorkflow } from './finding.workflow';
import { rejectionOf } from './testing/dev-server-harness';
import { RecordingActivities } from './testing/recording-activities';
import { TimeSkippingHarness } from './testing/time-skipping-harness';
import { DAY, DAYS_POLICY, findingInput, findingSeed } from './testing/workflow-fixtures';

const HOUR = 3_600_000;
const POLICY: Policy = { ...DAYS_POLICY, interviewDueMs: 5 * DAY };
const sup = { id: 'sup-1', name: '监督员' };

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check(); await new Promise((resolve) => setTimeout(resolve, 50)))
    if (Date.now() > deadline) throw new Error('timed out waiting');
}

describe('interviewDeskWorkflow (time-skipping): one open interview per unit', () => {
  const harness = new TimeSkippingHarness('desk');
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    await harness.start();
    env = harness.env;
  });

  afterAll(() => harness.stop());

  const withWorker = <T>(store: RecordingActivities, run: (taskQueue: string) => Promise<T>) => {
    store.interviewPolicy = POLICY;
    return harness.withWorker(store, run);
  };

  /** Findings of one unit, all overdue at once: level 2 comes to each of them one step later. */
  async function overdueFindings(taskQueue: string, unitId: string, count: number, dueInMs = DAY) {
    const now = await env.currentTimeMs();
    const seeds = Array.from({ length: count }, () => findingSeed(now, { unitId, dueAt: new Date(now + dueInMs).toISOString() }));
    for (const seed of seeds) {
      await env.client.workflow.start(findingWorkflow, {
        taskQueue,
        workflowId: findingWorkflowId(seed.id),
        args: [findingInput(seed, POLICY)],
      });
    }
    return seeds;
  }

  /** With RECORD_HISTORIES=1, saves a workflow's history as a replay fixture (test/fixtures/histories). */
  async function recordHistory(workflowId: string, name: string): Promise<void> {
    if (process.env['RECORD_HISTORIES'] !== '1') return;
    const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
    writeFileSync(join(__dirname, '../../test/fixtures/histories', `${name}.json`), historyToJSON(history));
  }

  const only = (store: RecordingActivities, unitId: string): InterviewRecord[] =>
    [...store.interviews.values()].filter((interview) => interview.unitId === unitId);

  it('joins the findings that reach level 2 together into one interview, schedules, moves and records it, and tells each finding', async () => {
    const store = new RecordingActivities();
    const unitId = `U-${Math.random().toString(36).slice(2, 8)}`;
    await withWorker(store, async (taskQueue) => {
      const seeds = await overdueFindings(taskQueue, unitId, 3);
      await env.sleep(DAY + POLICY.escalationStepMs + HOUR);
      const [interview] = only(store, unitId);
      expect(only(store, unitId)).toHaveLength(1);
      expect([...interview.findingIds].sort()).toEqual(seeds.map((seed) => seed.id).sort());
      expect(interview).toMatchObject({ status: 'PROPOSED', overdue: false });
      for (const seed of seeds) {
        const view = await env.client.workflow.getHandle(findingWorkflowId(seed.id)).query(findingViewQuery);
        expect(view.interviewId).toBe(interview.id);
      }
      expect(store.types(interview.id)).toEqual(['INTERVIEW_PROPOSED', 'INTERVIEW_JOINED', 'INTERVIEW_JOINED']);

      const desk = env.client.workflow.getHandle(interviewDeskWorkflowId(unitId));
      const now = await env.currentTimeMs();
      const at = (ms: number) => new Date(now + ms).toISOString();
      const interviewee = { name: '张局长', tier: 'principal' as const };
      const schedule = { type: 'schedule' as const, interviewId: interview.id, interviewer: '李书记', interviewee, actor: sup };
      expect(await desk.executeUpdate(interviewCommandUpdate, { args: [{ ...schedule, scheduledAt: at(DAY) }] })).toMatchObject({
        status: 'SCHEDULED',
        scheduledAt: at(DAY),
      });
      // Again while SCHEDULED moves it.
      const moved = await desk.executeUpdate(interviewCommandUpdate, { args: [{ ...schedule, scheduledAt: at(2 * DAY) }] });
      expect(moved).toMatchObject({ status: 'SCHEDULED', scheduledAt: at(2 * DAY), interviewee });
      // A refused step never enters history.
      const ahead = {
        type: 'record' as const,
        interviewId: interview.id,
        heldAt: at(DAY),
        minutes: 'm',
        statement: 's',
        evidence: [],
        actor: sup,
      };
      expect(await rejectionOf(desk.executeUpdate(interviewCommandUpdate, { args: [ahead] }))).toMatchObject({ type: 'InvalidCommand' });

      const held = await desk.executeUpdate(interviewCommandUpdate, {
        args: [{ ...ahead, heldAt: at(-HOUR), minutes: '约谈记录', statement: '立行立改' }],
      });
      expect(held).toMatchObject({ status: 'HELD', heldAt: at(-HOUR), minutes: '约谈记录', statement: '立行立改' });
      // Answered once every finding has INTERVIEW_HELD on its timeline.
      for (const seed of seeds) expect(store.types(seed.id)).toContain('INTERVIEW_HELD');
      expect(store.types(interview.id)).toEqual([
        'INTERVIEW_PROPOSED',
        'INTERVIEW_JOINED',
        'INTERVIEW_JOINED',
        'INTERVIEW_SCHEDULED',
        'INTERVIEW_SCHEDULED',
        'INTERVIEW_HELD',
      ]);
      const again = await rejectionOf(desk.executeUpdate(interviewCommandUpdate, { args: [{ ...schedule, scheduledAt: at(3 * DAY) }] }));
      expect(again).toMatchObject({ type: 'StepNotAllowed' });

      // The unit's next finding at level 2 opens the next interview.
      const [later] = await overdueFindings(taskQueue, unitId, 1);
      await env.sleep(DAY + POLICY.escalationStepMs + HOUR);
      const next = only(store, unitId).find((each) => each.id !== interview.id);
      expect(next).toMatchObject({ status: 'PROPOSED', findingIds: [later.id] });
      await recordHistory(desk.workflowId, 'interview-desk-joined-scheduled-held');
      await recordHistory(findingWorkflowId(seeds[0].id), 'finding-escalation-interview-held');
      for (const seed of [...seeds, later]) await env.client.workflow.getHandle(findingWorkflowId(seed.id)).terminate('test done');
      await desk.terminate('test done');
    });
  });

  it('puts INTERVIEW_HELD on a finding told its interview was held before it heard its own join answered', async () => {
    const store = new RecordingActivities();
    const unitId = `U-${Math.random().toString(36).slice(2, 8)}`;
    let answerJoin: (() => void) | undefined;
    store.joinAnswerHeldUntil = new Promise((resolve) => (answerJoin = resolve));
    await withWorker(store, async (taskQueue) => {
      const [seed] = await overdueFindings(taskQueue, unitId, 1);
      // The time-skipping server holds its clock while an activity runs: this sleep ends once the join is answered.
      const slept = env.sleep(DAY + POLICY.escalationStepMs + HOUR);
      await until(() => only(store, unitId).length === 1);
      const [interview] = only(store, unitId);
      expect(store.types(seed.id)).not.toContain('INTERVIEW_PROPOSED');

      const desk = env.client.workflow.getHandle(interviewDeskWorkflowId(unitId));
      const now = await env.currentTimeMs();
      const at = (ms: number) => new Date(now + ms).toISOString();
      const interviewee = { name: '张局长', tier: 'principal' as const };
      const steps = [
        { type: 'schedule' as const, interviewId: interview.id, interviewer: '李书记', interviewee, scheduledAt: at(DAY), actor: sup },
        {
          type: 'record' as const,
          interviewId: interview.id,
          heldAt: at(-HOUR),
          minutes: '约谈记录',
          statement: '立行立改',
          evidence: [],
          actor: sup,
        },
      ];
      for (const step of steps) await desk.executeUpdate(interviewCommandUpdate, { args: [step] });
      await recordHistory(findingWorkflowId(seed.id), 'finding-interview-held-before-join-answered');
      expect(store.types(seed.id).filter((type) => type.startsWith('INTERVIEW_'))).toEqual(['INTERVIEW_PROPOSED', 'INTERVIEW_HELD']);

      answerJoin?.();
      await slept;
      const finding = env.client.workflow.getHandle(findingWorkflowId(seed.id));
      await until(() => store.findings.get(seed.id)?.interviewId === interview.id);
      const view = await finding.query(findingViewQuery);
      expect(view).toMatchObject({ interviewId: interview.id, escalationLevel: 2 });
      expect(store.types(seed.id).filter((type) => type.startsWith('INTERVIEW_'))).toEqual(['INTERVIEW_PROPOSED', 'INTERVIEW_HELD']);
      await finding.terminate('test done');
      await desk.terminate('test done');
    });
  });

  it('raises INTERVIEW_OVERDUE once, to the supervisors, when it is not held within POLICY_INTERVIEW_DUE', async () => {
    const store = new RecordingActivities();
    const unitId = `U-${Math.random().toString(36).slice(2, 8)}`;
    await withWorker(store, async (taskQueue) => {
      const [seed] = await overdueFindings(taskQueue, unitId, 1);
      await env.sleep(DAY + POLICY.escalationStepMs + HOUR);
      const [interview] = only(store, unitId);
      await env.sleep(POLICY.interviewDueMs + DAY);
      expect(store.types(interview.id)).toEqual(['INTERVIEW_PROPOSED', 'INTERVIEW_OVERDUE']);
      expect(only(store, unitId)[0]).toMatchObject({ overdue: true, status: 'PROPOSED' });
      const notices = [...store.notifications.values()].filter((notification) => notification.kind === 'INTERVIEW_OVERDUE');
      expect(notices.map((notice) => notice.recipient)).toEqual([{ kind: 'supervisors' }]);
      await env.client.workflow.getHandle(findingWorkflowId(seed.id)).terminate('test done');
      await env.client.workflow.getHandle(interviewDeskWorkflowId(unitId)).terminate('test done');
    });
  });

  it('lands a retried join once: the same finding asking again gets the same interview', async () => {
    const store = new RecordingActivities();
    const unitId = `U-${Math.random().toString(36).slice(2, 8)}`;
    await withWorker(store, async (taskQueue) => {
      const [seed] = await overdueFindings(taskQueue, unitId, 1);
      await env.sleep(DAY + POLICY.escalationStepMs + HOUR);
      const request = { unitId, findingId: seed.id, caseId: seed.caseId, trackingOfficeId: null, at: new Date().toISOString() };
      // As a retried joinInterview activity asks: the same finding, the same desk.
      const desk = env.client.workflow.getHandle(interviewDeskWorkflowId(unitId));
      const answer = await desk.executeUpdate(joinInterviewUpdate, { args: [request] });
      expect(answer.interviewId).toBe(only(store, unitId)[0].id);
      expect(store.types(answer.interviewId)).toEqual(['INTERVIEW_PROPOSED']);
      expect(only(store, unitId)[0].findingIds).toEqual([seed.id]);
      // A step a finding takes afterwards still works: the finding is not held up by its interview.
      const view = await env.client.workflow
        .getHandle(findingWorkflowId(seed.id))
        .executeUpdate(findingCommandUpdate, { args: [{ type: 'submitPlan', content: 'plan', actor: { id: 'unit-1', name: '单位' } }] });
      expect(view).toMatchObject({ status: 'PLAN_SUBMITTED', interviewId: answer.interviewId });
      await env.client.workflow.getHandle(findingWorkflowId(seed.id)).terminate('test done');
      await desk.terminate('test done');
    });
  });
});
