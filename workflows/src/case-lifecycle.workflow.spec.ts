import { randomUUID } from 'node:crypto';
import {
  addFindingUpdate,
  caseOpenedUpdate,
  caseWorkflowId,
  findingCommandUpdate,
  findingWorkflowId,
  type FindingCommand,
  type OpenCaseInput,
  type Policy,
} from '@reform/contracts';
import { readPolicy } from '@reform/domain';
import { temporal } from '@temporalio/proto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { caseWorkflow } from './case.workflow';
import { DevServerHarness, rejectionOf } from './testing/dev-server-harness';
import { actor, findingSeed } from './testing/workflow-fixtures';

const SECONDS_POLICY: Policy = {
  planDueMs: 60_000,
  remindBeforeMs: 1_000,
  escalationStepMs: 60_000,
  approvalSlaMs: 60_000,
  followUpAfterMs: 1_500,
  receiptDueMs: 1_500,
  interviewDueMs: 60_000,
};

describe('caseWorkflow with its findings (dev server, policies of seconds)', () => {
  const harness = new DevServerHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  async function openCase(findings = 2, policy = SECONDS_POLICY, dueInMs = 60_000, overrides: Partial<OpenCaseInput> = {}) {
    const caseId = randomUUID();
    const now = Date.now();
    const input: OpenCaseInput = {
      caseId,
      title: '某局违规发放津补贴案',
      summary: '案情',
      source: 'review',
      openedBy: actor('officer-1'),
      openedAt: new Date(now).toISOString(),
      findings: Array.from({ length: findings }, () => findingSeed(now, { caseId, dueAt: new Date(now + dueInMs).toISOString() })),
      policy,
      timeZone: 'Asia/Shanghai',
      ...overrides,
    };
    const handle = await harness.client.workflow.start(caseWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: caseWorkflowId(caseId),
      args: [{ open: input }],
    });
    const opened = await handle.executeUpdate(caseOpenedUpdate);
    return { handle, opened, input };
  }

  /** As the API does: a case answers before its findings' workflows have started, so a step may wait for one. */
  async function step(findingId: string, command: FindingCommand) {
    const handle = harness.client.workflow.getHandle(findingWorkflowId(findingId));
    for (let tries = 1; ; tries++) {
      try {
        return await handle.executeUpdate(findingCommandUpdate, { args: [command] });
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError) || tries === 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  it("answers its opening once it and its findings are written, before its findings' workflows have started", async () => {
    const { handle, opened } = await openCase(20);
    expect(opened.findings).toHaveLength(20);
    const { events } = await handle.fetchHistory();
    const types = (events ?? []).map((event) => String(event.eventType));
    const answered = types.indexOf(String(temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED));
    const firstStarted = types.indexOf(String(temporal.api.enums.v1.EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED));
    expect(answered).toBeGreaterThan(0);
    expect(firstStarted).toBeGreaterThan(answered);
    await handle.terminate('test done');
  });

  async function closeOut(findingId: string) {
    await step(findingId, { type: 'submitPlan', content: '整改方案', actor: actor('unit-1') });
    await step(findingId, { type: 'decidePlan', decision: 'approve', comment: 'ok', actor: actor('sup-1') });
    await step(findingId, {
      type: 'submitReport',
      content: '已整改',
      evidence: [{ name: 'a.pdf', sha256: 'a'.repeat(64), uri: 's3://a' }],
      actor: actor('unit-1'),
    });
    return step(findingId, { type: 'verify', decision: 'pass', comment: '验收通过', actor: actor('sup-2') });
  }

  it('opens a case, closes it when its last finding closes, and ends after the follow-ups hold', async () => {
    const { handle, opened } = await openCase(2);
    expect(opened.code).toMatch(/^ZG-/);
    expect(opened.findings).toHaveLength(2);
    const [first, second] = opened.findings;
    expect(harness.store.types(opened.id)).toEqual(['CASE_OPENED', 'FINDING_ADDED', 'FINDING_ADDED']);

    expect(await closeOut(first.id)).toMatchObject({ status: 'CLOSED', pendingApproval: null });
    expect(harness.store.cases.get(opened.id)?.status).toBe('OPEN');
    await closeOut(second.id);
    await harness.eventually(() => harness.store.types(opened.id).includes('CASE_CLOSED'));
    expect(harness.store.cases.get(opened.id)?.status).toBe('CLOSED');

    await harness.eventually(() => [first, second].every((f) => harness.store.types(f.id).includes('FOLLOW_UP_DUE')));
    for (const finding of [first, second]) {
      await step(finding.id, { type: 'reviewFollowUp', result: 'held', comment: '巩固', actor: actor('sup-1') });
    }
    await handle.result();
    await harness.recordHistory(caseWorkflowId(opened.id), 'case-happy-path');
    await harness.recordHistory(findingWorkflowId(first.id), 'finding-happy-path');
    expect(harness.store.types(first.id)).toEqual([
      'ASSIGNED',
      'PLAN_SUBMITTED',
      'PLAN_APPROVED',
      'REPORT_SUBMITTED',
      'VERIFICATION_PASSED',
      'CLOSED',
      'FOLLOW_UP_DUE',
      'FOLLOW_UP_HELD',
    ]);
  });

  it("counts the case code's year in the business's zone (Intl inside the workflow sandbox)", async () => {
    // 12:00 UTC on New Year's Eve is already next year at UTC+14, still this year at UTC+8.
    const { opened } = await openCase(1, SECONDS_POLICY, 60_000, { openedAt: '2026-12-31T12:00:00.000Z', timeZone: 'Pacific/Kiritimati' });
    expect(harness.store.years.get(opened.id)).toBe(2027);
    const { opened: unzoned } = await openCase(1, SECONDS_POLICY, 60_000, { openedAt: '2026-12-31T12:00:00.000Z', timeZone: undefined });
    expect(harness.store.years.get(unzoned.id)).toBe(2026);
  });

  it('refuses a step that is not allowed now before it enters history', async () => {
    const { opened } = await openCase(1);
    const findingId = opened.findings[0].id;
    const refusal = await rejectionOf(step(findingId, { type: 'verify', decision: 'pass', comment: '', actor: actor('sup-1') }));
    expect(refusal).toEqual({ type: 'StepNotAllowed', details: { status: 'ASSIGNED' } });
    const history = await harness.client.workflow.getHandle(findingWorkflowId(findingId)).fetchHistory();
    const accepted = history.events?.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
    expect(accepted).toHaveLength(0);
  });

  it('never lets a supervisor decide their own request, nor the case opener verify', async () => {
    const { opened } = await openCase(1);
    const findingId = opened.findings[0].id;
    await step(findingId, { type: 'submitPlan', content: 'plan', actor: actor('both-roles') });
    expect(
      (await rejectionOf(step(findingId, { type: 'decidePlan', decision: 'approve', comment: '', actor: actor('both-roles') }))).type,
    ).toBe('RecusalRequired');
    await step(findingId, { type: 'decidePlan', decision: 'approve', comment: '', actor: actor('sup-1') });
    await step(findingId, {
      type: 'submitReport',
      content: 'done',
      evidence: [{ name: 'a', sha256: 'b'.repeat(64), uri: 'u' }],
      actor: actor('unit-1'),
    });
    expect((await rejectionOf(step(findingId, { type: 'verify', decision: 'pass', comment: '', actor: actor('officer-1') }))).type).toBe(
      'RecusalRequired',
    );
  });

  it('serialises concurrent commands: exactly one decision wins', async () => {
    const { opened } = await openCase(1);
    const findingId = opened.findings[0].id;
    await step(findingId, { type: 'submitPlan', content: 'plan', actor: actor('unit-1') });
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, (_, index) =>
        step(findingId, {
          type: 'decidePlan',
          decision: index % 2 ? 'return' : 'approve',
          comment: `c${index}`,
          actor: actor(`sup-${index}`),
        }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    const decisions = harness.store.types(findingId).filter((type) => type === 'PLAN_APPROVED' || type === 'PLAN_RETURNED');
    expect(decisions).toHaveLength(1);
    await harness.recordHistory(findingWorkflowId(findingId), 'finding-concurrent-decisions');
  });

  it('adds a finding to an open case and refuses one for a closed case', async () => {
    const { handle, opened } = await openCase(1);
    const added = findingSeed(Date.now(), { caseId: opened.id, dueAt: new Date(Date.now() + 60_000).toISOString() });
    const view = await handle.executeUpdate(addFindingUpdate, { args: [{ finding: added, actor: actor('officer-1') }] });
    expect(view).toMatchObject({ id: added.id, status: 'ASSIGNED' });
    await harness.eventually(() => harness.store.findings.has(added.id));
    await closeOut(opened.findings[0].id);
    await closeOut(added.id);
    await harness.eventually(() => harness.store.cases.get(opened.id)?.status === 'CLOSED');
    const late = findingSeed(Date.now(), { caseId: opened.id });
    const refusal = await rejectionOf(handle.executeUpdate(addFindingUpdate, { args: [{ finding: late, actor: actor('officer-1') }] }));
    expect(refusal).toEqual({ type: 'CaseClosed', details: { status: 'CLOSED' } });
    await harness.recordHistory(caseWorkflowId(opened.id), 'case-added-finding-then-closed');
  });

  it('re-arms the reminder and the deadline when an extension is approved', async () => {
    const { opened } = await openCase(1, { ...SECONDS_POLICY, remindBeforeMs: 1_500 }, 3_000);
    const findingId = opened.findings[0].id;
    const requestedDueAt = new Date(Date.now() + 4_000).toISOString();
    await step(findingId, { type: 'requestExtension', requestedDueAt, reason: '需要更多时间', actor: actor('unit-1') });
    await step(findingId, { type: 'decideExtension', decision: 'approve', comment: '同意', actor: actor('sup-1') });
    await harness.eventually(() => harness.store.types(findingId).includes('ESCALATED'));
    const timeline = harness.store.timeline(findingId);
    // The first deadline's reminder window had not opened before the extension moved it.
    expect(timeline.filter((event) => event.type === 'REMINDER_SENT').map((event) => event.data['dueAt'])).toEqual([requestedDueAt]);
    expect(timeline.some((event) => event.type === 'OVERDUE' && event.data['dueAt'] !== requestedDueAt)).toBe(false);
    const overdue = timeline.find((event) => event.type === 'OVERDUE');
    expect(Date.parse(overdue?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(requestedDueAt));
    await harness.recordHistory(findingWorkflowId(findingId), 'finding-extension-then-escalation');
  });

  it('reminds once at each offset of a POLICY_REMIND_BEFORE list, then misses the one deadline', async () => {
    const { remindBeforeMs, reminders } = readPolicy({ POLICY_REMIND_BEFORE: 'PT6S,PT4S,PT2S' });
    const { opened } = await openCase(1, { ...SECONDS_POLICY, remindBeforeMs, reminders }, 8_000);
    const findingId = opened.findings[0].id;
    await harness.eventually(() => harness.store.types(findingId).includes('ESCALATED'));
    const timeline = harness.store.timeline(findingId);
    expect(timeline.map((event) => event.type)).toEqual([
      'ASSIGNED',
      'REMINDER_SENT',
      'REMINDER_SENT',
      'REMINDER_SENT',
      'OVERDUE',
      'ESCALATED',
    ]);
    const sent = timeline.filter((event) => event.type === 'REMINDER_SENT');
    expect(sent.map((event) => event.data['before'])).toEqual(['PT6S', 'PT4S', 'PT2S']);
    const dueAt = Date.parse(opened.findings[0].dueAt);
    expect(sent.every((event) => Date.parse(event.at) < dueAt)).toBe(true);
    await harness.recordHistory(findingWorkflowId(findingId), 'finding-reminder-offsets');
  });

  it('holds the ladder of an overdue finding while its extension request waits, and climbs one step after the denial', async () => {
    const stepMs = 2_000;
    const { opened } = await openCase(1, { ...SECONDS_POLICY, escalationStepMs: stepMs }, 2_000);
    const findingId = opened.findings[0].id;
    const requestedDueAt = new Date(Date.now() + 60_000).toISOString();
    await step(findingId, { type: 'requestExtension', requestedDueAt, reason: '需要更多时间', actor: actor('unit-1') });
    const escalations = () => harness.store.timeline(findingId).filter((event) => event.type === 'ESCALATED');
    await harness.eventually(() => harness.store.types(findingId).includes('OVERDUE'));
    // Longer than a step past the deadline: today's ladder would have reached level 2.
    await new Promise((resolve) => setTimeout(resolve, stepMs + 1_000));
    expect(escalations()).toEqual([]);
    const denied = await step(findingId, { type: 'decideExtension', decision: 'deny', comment: '不予延期', actor: actor('sup-1') });
    expect(denied).toMatchObject({ overdue: true, escalationLevel: 0, pendingApproval: null });
    const deniedAt = harness.store.timeline(findingId).find((event) => event.type === 'EXTENSION_DENIED')?.at ?? '';
    await harness.eventually(() => escalations().length >= 1);
    const [first] = escalations();
    expect(first.data['level']).toBe(1);
    expect(Date.parse(first.at) - Date.parse(deniedAt)).toBeGreaterThanOrEqual(stepMs);
    await harness.recordHistory(findingWorkflowId(findingId), 'finding-extension-pending-overdue');
  });

  it('stops the deadline clock while a report waits for verification', async () => {
    const { opened } = await openCase(1);
    const findingId = opened.findings[0].id;
    await step(findingId, { type: 'submitPlan', content: 'plan', actor: actor('unit-1') });
    await step(findingId, { type: 'decidePlan', decision: 'approve', comment: '', actor: actor('sup-1') });
    await step(findingId, {
      type: 'requestExtension',
      requestedDueAt: new Date(Date.now() + 60_500).toISOString(),
      reason: 'r',
      actor: actor('unit-1'),
    });
    await step(findingId, {
      type: 'submitReport',
      content: 'done',
      evidence: [{ name: 'a', sha256: 'c'.repeat(64), uri: 'u' }],
      actor: actor('unit-1'),
    });
    const view = await step(findingId, { type: 'decideExtension', decision: 'deny', comment: 'no', actor: actor('sup-1') });
    expect(view).toMatchObject({ status: 'REPORT_SUBMITTED', overdue: false, pendingApproval: 'verification' });
  });
});
