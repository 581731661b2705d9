import { TestWorkflowEnvironment } from '@temporalio/testing';
import { documentTaskQueue, interviewDeskWorkflowId, findingCommandUpdate, findingViewQuery, findingWorkflowId } from '@reform/contracts';
import { addCalendarMonths, readPolicy } from '@reform/domain';
import { findingWorkflow } from './finding.workflow';
import { RecordingActivities } from './testing/recording-activities';
import { TimeSkippingHarness } from './testing/time-skipping-harness';
import { DAY, actor, findingInput, findingSeed } from './testing/workflow-fixtures';

/**
 * Each test's unit has its own interview desk, which a finding reaching level 2 starts and which
 * outlives the test's worker: terminated after each test, or its timer's task, pending on a queue
 * nobody polls any more, holds the time-skipping server's clock for the next test.
 */
const units: string[] = [];
const uniqueUnit = () => {
  units.push(`U-${Math.random().toString(36).slice(2, 8)}`);
  return units[units.length - 1];
};

describe('findingWorkflow timers (time-skipping)', () => {
  const harness = new TimeSkippingHarness('timers');
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    await harness.start();
    env = harness.env;
  });

  afterEach(async () => {
    for (const unitId of units.splice(0)) {
      await env.client.workflow
        .getHandle(interviewDeskWorkflowId(unitId))
        .terminate('test done')
        .catch(() => undefined);
    }
  });

  afterAll(() => harness.stop());

  const withWorker = <T>(store: RecordingActivities, run: (taskQueue: string) => Promise<T>) => harness.withWorker(store, run);

  it('sends one plan-overdue notice, one reminder, then escalates 1 → 2 → 3 and stops at 3', async () => {
    const store = new RecordingActivities();
    let findingQueue = '';
    const now = await env.currentTimeMs();
    const seed = findingSeed(now, { unitId: uniqueUnit(), dueAt: new Date(now + 10 * DAY).toISOString() });
    await withWorker(store, async (taskQueue) => {
      findingQueue = taskQueue;
      const handle = await env.client.workflow.start(findingWorkflow, {
        taskQueue,
        workflowId: findingWorkflowId(seed.id),
        args: [findingInput(seed)],
      });
      await env.sleep(60 * DAY);
      const view = await handle.query(findingViewQuery);
      expect(view).toMatchObject({
        status: 'ASSIGNED',
        overdue: true,
        escalationLevel: 3,
        accountability: 'proposed',
        pendingApproval: 'accountability',
      });
      await handle.terminate('test done');
    });

    expect(store.types(seed.id)).toEqual([
      'PLAN_OVERDUE',
      'REMINDER_SENT',
      'OVERDUE',
      'ESCALATED',
      'ESCALATED',
      'INTERVIEW_PROPOSED',
      'ESCALATED',
      'APPROVAL_OVERDUE',
    ]);
    // Level 2 opened its unit's interview, on its own desk workflow.
    const [interview] = [...store.interviews.values()];
    expect(interview).toMatchObject({ unitId: seed.unitId, status: 'PROPOSED', findingIds: [seed.id] });
    expect(store.timeline(seed.id).find((event) => event.type === 'INTERVIEW_PROPOSED')?.data).toEqual({
      interviewId: interview.id,
      level: 2,
    });
    expect(store.findings.get(seed.id)?.interviewId).toBe(interview.id);
    const levels = store
      .timeline(seed.id)
      .filter((event) => event.type === 'ESCALATED')
      .map((event) => event.data['level']);
    expect(levels).toEqual([1, 2, 3]);
    // Deliveries run concurrently, so their order is not the events' order.
    const kinds = [...store.notifications.values()].map((notification) => notification.kind).sort();
    expect(kinds).toEqual([
      'ACCOUNTABILITY_PROPOSED',
      'APPROVAL_OVERDUE',
      'INTERVIEW_NOTICE',
      // Its interview, not held within POLICY_INTERVIEW_DUE, chased by its desk.
      'INTERVIEW_OVERDUE',
      'PLAN_OVERDUE_NOTICE',
      'REMINDER',
      'SUPERVISION_NOTICE',
    ]);
    expect(store.findings.get(seed.id)).toMatchObject({ escalationLevel: 3, overdue: true, accountability: 'proposed' });
    const escalations = store.timeline(seed.id).filter((event) => event.type === 'ESCALATED');
    const seqOf = (sourceKey: string) => Number(sourceKey.split(':')[1]);
    const documents = [...store.documents.values()].sort((a, b) => seqOf(a.sourceKey) - seqOf(b.sourceKey));
    expect(documents.map(({ kind, sourceKey, recipientUnitId }) => ({ kind, sourceKey, recipientUnitId }))).toEqual(
      ['supervision_notice', 'interview_notice', 'accountability_proposal'].map((kind, rung) => ({
        kind,
        sourceKey: `${seed.id}:${escalations[rung].seq}`,
        recipientUnitId: seed.unitId,
      })),
    );
    // Rendered on the documents' own queue, off the one the projections share.
    expect(new Set(documents.map((document) => document.taskQueue))).toEqual(new Set([documentTaskQueue(findingQueue)]));
  });

  it('fires the deadline on time: OVERDUE is recorded at dueAt, not later', async () => {
    const store = new RecordingActivities();
    const now = await env.currentTimeMs();
    const dueAt = now + 5 * DAY;
    const seed = findingSeed(now, { unitId: uniqueUnit(), dueAt: new Date(dueAt).toISOString() });
    await withWorker(store, async (taskQueue) => {
      const handle = await env.client.workflow.start(findingWorkflow, {
        taskQueue,
        workflowId: findingWorkflowId(seed.id),
        args: [findingInput(seed)],
      });
      await env.sleep(6 * DAY);
      await handle.terminate('test done');
    });
    const overdue = store.timeline(seed.id).find((event) => event.type === 'OVERDUE');
    expect(overdue).toBeDefined();
    expect(Date.parse(overdue?.at ?? '') - dueAt).toBeLessThan(60_000);
    expect(Date.parse(overdue?.at ?? '')).toBeGreaterThanOrEqual(dueAt);
  });

  it('holds the ladder while an extension request waits, and climbs one step (7 days) after the denial', async () => {
    const store = new RecordingActivities();
    const now = await env.currentTimeMs();
    const seed = findingSeed(now, { unitId: uniqueUnit(), dueAt: new Date(now + 10 * DAY).toISOString() });
    let deniedAt = 0;
    await withWorker(store, async (taskQueue) => {
      const handle = await env.client.workflow.start(findingWorkflow, {
        taskQueue,
        workflowId: findingWorkflowId(seed.id),
        args: [findingInput(seed)],
      });
      const requestedDueAt = new Date(now + 40 * DAY).toISOString();
      await handle.executeUpdate(findingCommandUpdate, {
        args: [{ type: 'requestExtension', requestedDueAt, reason: '工期长', actor: actor('unit-1') }],
      });
      await env.sleep(20 * DAY); // ten days past the deadline: today's ladder would be at level 2
      expect(await handle.query(findingViewQuery)).toMatchObject({ overdue: true, escalationLevel: 0, pendingApproval: 'extension' });
      deniedAt = await env.currentTimeMs();
      await handle.executeUpdate(findingCommandUpdate, {
        args: [{ type: 'decideExtension', decision: 'deny', comment: '不予延期', actor: actor('sup-1') }],
      });
      await env.sleep(6 * DAY);
      expect(await handle.query(findingViewQuery)).toMatchObject({ escalationLevel: 0 });
      await env.sleep(9 * DAY);
      expect(await handle.query(findingViewQuery)).toMatchObject({ escalationLevel: 2 });
      await handle.terminate('test done');
    });
    const rungs = store.timeline(seed.id).filter((event) => event.type === 'ESCALATED');
    expect(rungs.map((event) => event.data['level'])).toEqual([1, 2]);
    const sinceDenial = rungs.map((event) => Math.round((Date.parse(event.at) - deniedAt) / DAY));
    expect(sinceDenial).toEqual([7, 14]);
    expect(store.types(seed.id).filter((type) => type === 'OVERDUE')).toHaveLength(1);
  });

  it('counts a policy in months on the calendar of TZ_BUSINESS inside the workflow', async () => {
    const store = new RecordingActivities();
    const now = await env.currentTimeMs();
    const policy = readPolicy({ POLICY_PLAN_DUE: 'P1M', POLICY_ESCALATION_STEP: 'P1M1D' }, 'Asia/Shanghai');
    const seed = findingSeed(now, { unitId: uniqueUnit(), dueAt: new Date(now + 40 * DAY).toISOString() });
    await withWorker(store, async (taskQueue) => {
      const handle = await env.client.workflow.start(findingWorkflow, {
        taskQueue,
        workflowId: findingWorkflowId(seed.id),
        args: [findingInput(seed, policy)],
      });
      await env.sleep(80 * DAY);
      await handle.terminate('test done');
    });
    const at = (type: string) => store.timeline(seed.id).filter((event) => event.type === type);
    const planDueAt = addCalendarMonths('Asia/Shanghai', now, 1);
    expect(at('PLAN_OVERDUE').map((event) => event.data['planDueAt'])).toEqual([new Date(planDueAt).toISOString()]);
    const rungs = at('ESCALATED').map((event) => Date.parse(event.at));
    expect(rungs).toHaveLength(2);
    // Timers fire on time in a time-skipping run: rung 2 a calendar month and a day after the deadline.
    expect(Math.abs(rungs[1] - (addCalendarMonths('Asia/Shanghai', now + 40 * DAY, 1) + DAY))).toBeLessThan(60_000);
  });

  it('reminds once at each offset of a POLICY_REMIND_BEFORE list, all before the one deadline', async () => {
    const store = new RecordingActivities();
    const now = await env.currentTimeMs();
    const dueAt = now + 10 * DAY;
    const policy = readPolicy({ POLICY_REMIND_BEFORE: 'P7D,P3D,P1D' });
    const seed = findingSeed(now, { unitId: uniqueUnit(), dueAt: new Date(dueAt).toISOString() });
    await withWorker(store, async (taskQueue) => {
      const handle = await env.client.workflow.start(findingWorkflow, {
        taskQueue,
        workflowId: findingWorkflowId(seed.id),
        args: [findingInput(seed, policy)],
      });
      await env.sleep(11 * DAY);
      await handle.terminate('test done');
    });
    expect(store.types(seed.id)).toEqual(['REMINDER_SENT', 'PLAN_OVERDUE', 'REMINDER_SENT', 'REMINDER_SENT', 'OVERDUE', 'ESCALATED']);
    const reminders = store.timeline(seed.id).filter((event) => event.type === 'REMINDER_SENT');
    expect(reminders.map((event) => [event.data['before'], event.data['dueAt']])).toEqual(
      ['P7D', 'P3D', 'P1D'].map((before) => [before, seed.dueAt]),
    );
    const daysBefore = reminders.map((event) => (dueAt - Date.parse(event.at)) / DAY);
    [7, 3, 1].forEach((days, index) => expect(Math.abs(daysBefore[index] - days) * DAY).toBeLessThan(60_000));
    expect([...store.notifications.values()].filter((notification) => notification.kind === 'REMINDER')).toHaveLength(3);
  });

  it('continues as new before the history grows large and keeps its state', async () => {
    const store = new RecordingActivities();
    const now = await env.currentTimeMs();
    const seed = findingSeed(now, { unitId: uniqueUnit(), dueAt: new Date(now + 10 * DAY).toISOString() });
    await withWorker(store, async (taskQueue) => {
      const handle = await env.client.workflow.start(findingWorkflow, {
        taskQueue,
        workflowId: findingWorkflowId(seed.id),
        args: [{ ...findingInput(seed), historyLimit: 10 }],
      });
      const firstRunId = handle.firstExecutionRunId;
      await env.sleep(25 * DAY);
      const latest = env.client.workflow.getHandle(findingWorkflowId(seed.id));
      const description = await latest.describe();
      expect(description.runId).not.toEqual(firstRunId);
      expect(await latest.query(findingViewQuery)).toMatchObject({ overdue: true, escalationLevel: 3 });
      await latest.terminate('test done');
    });
    const seqs = store.timeline(seed.id).map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 2));
  });
});
