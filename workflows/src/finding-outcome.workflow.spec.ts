import { TestWorkflowEnvironment } from '@temporalio/testing';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  findingCommandUpdate,
  findingViewQuery,
  findingWorkflowId,
  interviewCommandUpdate,
  interviewDeskWorkflowId,
  type FindingCommand,
} from '@reform/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingWorkflow } from './finding.workflow';
import { RecordingActivities } from './testing/recording-activities';
import { TimeSkippingHarness } from './testing/time-skipping-harness';
import { actor, DAY, findingInput, findingSeed } from './testing/workflow-fixtures';

const FIXTURES = join(__dirname, '../../test/fixtures/histories');
/** Recorded before the outcome was awaited: the workflow of a referred finding ended once its follow-up held. */
const PRE_PATCH = 'pre-await-accountability-outcome.finding-referred-then-held.json';

const outcome: FindingCommand = {
  type: 'recordAccountabilityOutcome',
  target: 'leader',
  personName: '刘局长',
  form: '诫勉',
  decidedBy: '县委',
  decisionDocNo: '县委〔2026〕5号',
  decidedAt: new Date(0).toISOString(),
  fourForm: 2,
  actor: actor('sup-1'),
};

/**
 * 问责结果 arrives from the body with authority, often long after the finding was closed out and
 * its follow-up held: the workflow of a referred finding must still be there to take it.
 */
describe('findingWorkflow awaits the outcome of a referred accountability (time-skipping)', () => {
  const harness = new TimeSkippingHarness('outcome');
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    await harness.start();
    ({ env, workflowBundle } = harness);
  });

  afterAll(() => harness.stop());

  const withWorker = <T>(store: RecordingActivities, run: (taskQueue: string) => Promise<T>) => harness.withWorker(store, run);

  it('keeps running after the follow-up held until the outcome is recorded, then ends; its history replays', async () => {
    const store = new RecordingActivities();
    const now = await env.currentTimeMs();
    const seed = findingSeed(now, { dueAt: new Date(now + 10 * DAY).toISOString() });
    const workflowId = findingWorkflowId(seed.id);
    await withWorker(store, async (taskQueue) => {
      const handle = await env.client.workflow.start(findingWorkflow, { taskQueue, workflowId, args: [findingInput(seed)] });
      const step = (command: FindingCommand) => handle.executeUpdate(findingCommandUpdate, { args: [command] });
      await env.sleep(25 * DAY);
      await step({ type: 'decideAccountability', decision: 'refer', comment: '移送问责', actor: actor('sup-1') });
      await step({ type: 'submitPlan', content: '方案', actor: actor('unit-1') });
      await step({ type: 'decidePlan', decision: 'approve', comment: '同意', actor: actor('sup-1') });
      await step({
        type: 'submitReport',
        content: '已整改',
        evidence: [{ name: 'a.pdf', sha256: 'a'.repeat(64), uri: 's3://a' }],
        actor: actor('unit-1'),
      });
      await step({ type: 'verify', decision: 'pass', comment: '通过', actor: actor('sup-2') });
      // Its unit's interview (约谈), which level 2 opened, is held: the finding no longer waits for it.
      const { interviewId } = await handle.query(findingViewQuery);
      const desk = env.client.workflow.getHandle(interviewDeskWorkflowId(seed.unitId));
      const heldAt = new Date(await env.currentTimeMs()).toISOString();
      const record = {
        type: 'record' as const,
        interviewId: interviewId as string,
        heldAt,
        minutes: '约谈',
        statement: '整改',
        evidence: [],
      };
      await desk.executeUpdate(interviewCommandUpdate, { args: [{ ...record, actor: actor('sup-1') }] });
      await env.sleep(91 * DAY);
      const held = await step({ type: 'reviewFollowUp', result: 'held', comment: '巩固', actor: actor('sup-1') });
      expect(held).toMatchObject({ status: 'CLOSED', accountability: 'referred', pendingApproval: null });
      await env.sleep(DAY);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      const decided = await step(outcome);
      expect(decided).toMatchObject({ accountability: 'decided', accountabilityOutcome: { form: '诫勉', fourForm: 2 } });
      expect(await handle.result()).toMatchObject({ accountability: 'decided' });
      // The time-skipping server may have timed the idle desk out over these months already.
      await desk.terminate('test done').catch(() => undefined);
    });
    expect(store.types(seed.id).slice(-3)).toEqual(['FOLLOW_UP_DUE', 'FOLLOW_UP_HELD', 'ACCOUNTABILITY_DECIDED']);
    expect(store.findings.get(seed.id)).toMatchObject({
      accountability: 'decided',
      accountabilityOutcome: { decisionDocNo: '县委〔2026〕5号' },
    });

    const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle }, history, workflowId);
  });

  it('replays a run from before the patch that ended once the follow-up held, the referral still open', async () => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(FIXTURES, PRE_PATCH), 'utf8')));
    const last = history.events?.at(-1);
    expect(last?.workflowExecutionCompletedEventAttributes).toBeTruthy();
    await Worker.runReplayHistory({ workflowBundle }, history, PRE_PATCH);
  });
});
