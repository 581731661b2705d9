import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  addRecommendationUpdate,
  caseOpenedUpdate,
  caseWorkflowId,
  documentTaskQueue,
  findingCommandUpdate,
  findingViewQuery,
  findingWorkflowId,
  recommendationCommandUpdate,
  recommendationViewQuery,
  recommendationWorkflowId,
  type Actor,
  type FindingCommand,
  type OpenCaseInput,
  type RecommendationCommand,
  type RecommendationSeed,
} from '@reform/contracts';
import { caseWorkflow } from './case.workflow';
import { rejectionOf } from './testing/dev-server-harness';
import { createDocumentWorker } from './testing/document-worker';
import { RecordingActivities } from './testing/recording-activities';
import { timeSkippingServerPath } from './testing/temporal-binaries';
import { actor, DAY, DAYS_POLICY, findingSeed } from './testing/workflow-fixtures';

const { bundleOptions } = require('../bundle.cjs');

const HOUR = 3_600_000;
const OFFICER = actor('officer-1');
const DRAFTER = actor('officer-2');
const UNIT = actor('unit-1');

type Plan = { findingId: string; content: string };

describe('recommendationWorkflow, started by its case (time-skipping, policies of days)', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } },
    });
    workflowBundle = await bundleWorkflowCode(bundleOptions());
  });

  afterAll(async () => {
    await env?.teardown();
  });

  /**
   * One worker (and its documents' one) on a fresh queue, with the steps a test drives through the
   * client as the API does. Whatever it started is terminated at the end: a workflow left running on
   * a queue nobody polls would hold a workflow task open when time skips, and that locks time skipping
   * for every later test.
   */
  async function scenario<T>(run: (s: Scenario) => Promise<T>): Promise<T> {
    const store = new RecordingActivities();
    const taskQueue = `rec-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities: store.activities() });
    const documents = await createDocumentWorker(env.nativeConnection, taskQueue, store.activities());
    const s = new Scenario(env, store, taskQueue);
    return documents.runUntil(
      worker.runUntil(async () => {
        try {
          return await run(s);
        } finally {
          await s.terminateAll();
        }
      }),
    );
  }

  const types = (store: RecordingActivities, id: string, type: string) => store.types(id).filter((t) => t === type).length;

  it('opens the draft through the case: DRAFT rows, the case’s FINDING_ADDED, no finding workflow yet', async () => {
    await scenario(async (s) => {
      const { caseId } = await s.openCase();
      const { seed, view } = await s.draft(caseId);
      expect(view).toMatchObject({ id: seed.id, status: 'DRAFT', docNo: null, findingIds: seed.findings.map((f) => f.id) });
      expect(s.store.recommendations.get(seed.id)).toMatchObject({ status: 'DRAFT', version: 1 });
      expect(s.store.types(seed.id)).toEqual(['RECOMMENDATION_DRAFTED']);
      for (const finding of seed.findings) {
        expect(s.store.findings.get(finding.id)).toMatchObject({ status: 'DRAFT', version: 0, recommendationId: seed.id });
        expect(s.store.types(finding.id)).toEqual([]);
      }
      const added = s.store.timeline(caseId).filter((event) => event.type === 'FINDING_ADDED');
      expect(added.slice(1).map((event) => event.data)).toEqual(
        seed.findings.map((f) => ({ findingId: f.id, title: f.title, recommendationId: seed.id })),
      );
      expect(await s.recommendation(seed.id).query(recommendationViewQuery)).toMatchObject({ status: 'DRAFT' });
      await expect(s.finding(seed.findings[0].id).query(findingViewQuery)).rejects.toThrow();
    });
  });

  it('sign-off SLA: APPROVAL_OVERDUE once, to the supervisors; the drafter may not sign it off', async () => {
    await scenario(async (s) => {
      const { caseId } = await s.openCase();
      const { seed } = await s.draft(caseId);
      await s.step(seed.id, { type: 'submit', actor: DRAFTER });
      expect((await rejectionOf(s.step(seed.id, { type: 'signOff', decision: 'approve', comment: '', actor: DRAFTER }))).type).toBe(
        'RecusalRequired',
      );
      await env.sleep(DAYS_POLICY.approvalSlaMs - HOUR);
      expect(types(s.store, seed.id, 'APPROVAL_OVERDUE')).toBe(0);
      await env.sleep(2 * HOUR);
      await s.eventually(() => types(s.store, seed.id, 'APPROVAL_OVERDUE') === 1);
      const notice = [...s.store.notifications.values()].filter((n) => n.recommendationId === seed.id && n.kind === 'APPROVAL_OVERDUE');
      expect(notice.map((n) => n.recipient)).toEqual([{ kind: 'supervisors' }]);
      await env.sleep(10 * DAY);
      expect(types(s.store, seed.id, 'APPROVAL_OVERDUE')).toBe(1);
      expect(await s.step(seed.id, s.approve())).toMatchObject({ status: 'ISSUED' });
      await env.sleep(DAYS_POLICY.approvalSlaMs);
      expect(types(s.store, seed.id, 'APPROVAL_OVERDUE')).toBe(1);
    });
  });

  it('issues once on the documents’ queue, assigns its findings as children, and chases a missing receipt once', async () => {
    await scenario(async (s) => {
      const { caseId } = await s.openCase();
      const { seed } = await s.issued(caseId);
      const issued = s.store.recommendations.get(seed.id);
      expect(issued).toMatchObject({ status: 'ISSUED', docNo: '〔TEST〕1号', documentId: `${seed.id}:issue` });
      const issuedAt = Date.parse(issued?.issuedAt ?? '');
      expect(issued?.receiptDueAt).toBe(new Date(issuedAt + DAYS_POLICY.receiptDueMs).toISOString());

      // The document: asked for once, under `<id>:issue`, on the documents' task queue.
      expect([...s.store.documents.keys()]).toEqual([`${seed.id}:issue`]);
      expect(s.store.documents.get(`${seed.id}:issue`)).toMatchObject({
        kind: 'recommendation',
        caseId,
        recipientUnitId: 'U1',
        issuerOrgUnitId: 'O1',
        replyDueAt: seed.replyDueAt,
        taskQueue: documentTaskQueue(s.taskQueue),
      });
      expect(await s.scheduled(recommendationWorkflowId(seed.id), 'issueDocument')).toEqual([documentTaskQueue(s.taskQueue)]);
      const told = [...s.store.notifications.values()].filter((n) => n.recommendationId === seed.id);
      expect(told.map((n) => [n.kind, n.recipient])).toEqual([['RECOMMENDATION_ISSUED', { kind: 'unit', unitId: 'U1' }]]);

      for (const finding of seed.findings) {
        expect(s.store.findings.get(finding.id)).toMatchObject({ status: 'ASSIGNED', version: 1, recommendationId: seed.id });
        expect(s.store.timeline(finding.id)).toEqual([
          expect.objectContaining({
            type: 'ASSIGNED',
            seq: 1,
            data: expect.objectContaining({ planDueAt: seed.replyDueAt, recommendationId: seed.id }),
          }),
        ]);
        expect(await s.finding(finding.id).query(findingViewQuery)).toMatchObject({ status: 'ASSIGNED', recommendationId: seed.id });
        // Its plan comes only with the reply.
        expect(await rejectionOf(s.findingStep(finding.id, { type: 'submitPlan', content: '自行提交', actor: UNIT }))).toEqual({
          type: 'ReplyAwaited',
          details: { status: 'ASSIGNED' },
        });
      }
      expect(await rejectionOf(s.step(seed.id, s.reply(seed)))).toEqual({ type: 'StepNotAllowed', details: { status: 'ISSUED' } });

      await env.sleep(DAYS_POLICY.receiptDueMs + HOUR);
      await s.eventually(() => types(s.store, seed.id, 'RECEIPT_OVERDUE') === 1);
      expect(s.store.recommendations.get(seed.id)?.overdue).toEqual({ receipt: true, reply: false });
      const chased = [...s.store.notifications.values()].filter((n) => n.recommendationId === seed.id && n.kind === 'RECEIPT_OVERDUE');
      expect(chased.map((n) => n.recipient)).toEqual([
        { kind: 'unit', unitId: 'U1' },
        { kind: 'office', orgUnitId: 'O1' },
      ]);
      await env.sleep(3 * DAY);
      expect(types(s.store, seed.id, 'RECEIPT_OVERDUE')).toBe(1);

      const received = await s.step(seed.id, s.receipt());
      expect(received).toMatchObject({ status: 'RECEIVED', overdue: { receipt: false, reply: false } });
      expect(s.store.recommendations.get(seed.id)).toMatchObject({ status: 'RECEIVED', overdue: { receipt: false, reply: false } });
      expect(await s.scheduled(recommendationWorkflowId(seed.id), 'issueDocument')).toHaveLength(1);
    });
  });

  it('reminds the unit before the reply deadline and marks the reply overdue at it, each once', async () => {
    await scenario(async (s) => {
      const { caseId } = await s.openCase();
      const { seed } = await s.issued(caseId);
      await s.step(seed.id, s.receipt());
      const replyDue = Date.parse(seed.replyDueAt);
      const sleepUntil = async (ms: number) => env.sleep(ms - (await env.currentTimeMs()));

      await sleepUntil(replyDue - DAYS_POLICY.remindBeforeMs - HOUR);
      expect(types(s.store, seed.id, 'REMINDER_SENT')).toBe(0);
      await sleepUntil(replyDue - DAYS_POLICY.remindBeforeMs + HOUR);
      await s.eventually(() => types(s.store, seed.id, 'REMINDER_SENT') === 1);
      expect(types(s.store, seed.id, 'REPLY_OVERDUE')).toBe(0);

      await sleepUntil(replyDue + HOUR);
      await s.eventually(() => types(s.store, seed.id, 'REPLY_OVERDUE') === 1);
      expect(s.store.recommendations.get(seed.id)?.overdue).toEqual({ receipt: false, reply: true });
      const notices = [...s.store.notifications.values()].filter((n) => n.recommendationId === seed.id);
      expect(notices.filter((n) => n.kind === 'REMINDER').map((n) => n.recipient)).toEqual([{ kind: 'unit', unitId: 'U1' }]);
      expect(notices.filter((n) => n.kind === 'REPLY_OVERDUE').map((n) => n.recipient)).toEqual([
        { kind: 'unit', unitId: 'U1' },
        { kind: 'office', orgUnitId: 'O1' },
      ]);
      // Each finding's plan was due with the reply.
      await s.eventually(() => seed.findings.every((f) => types(s.store, f.id, 'PLAN_OVERDUE') === 1));
      const reminder = s.store.timeline(seed.id).find((event) => event.type === 'REMINDER_SENT');
      const overdue = s.store.timeline(seed.id).find((event) => event.type === 'REPLY_OVERDUE');
      expect(Date.parse(overdue?.at ?? '')).toBeGreaterThanOrEqual(replyDue);
      expect(Date.parse(reminder?.at ?? '')).toBeGreaterThanOrEqual(replyDue - DAYS_POLICY.remindBeforeMs);

      await env.sleep(10 * DAY);
      expect(types(s.store, seed.id, 'REMINDER_SENT')).toBe(1);
      expect(types(s.store, seed.id, 'REPLY_OVERDUE')).toBe(1);
      // A late reply is still taken, and clears the flag.
      expect(await s.step(seed.id, s.reply(seed))).toMatchObject({ status: 'REPLIED', overdue: { receipt: false, reply: false } });
    });
  });

  it('takes a reply all or nothing: one missing plan refuses it; a full one hands every finding its plan before it answers', async () => {
    await scenario(async (s) => {
      const { caseId } = await s.openCase();
      const { seed } = await s.issued(caseId);
      await s.step(seed.id, s.receipt());
      const accepted = await s.acceptedUpdates(recommendationWorkflowId(seed.id));

      const partial = s.reply(seed, s.plans(seed).slice(1));
      expect(await rejectionOf(s.step(seed.id, partial))).toEqual({
        type: 'InvalidCommand',
        details: { field: 'plans', rule: 'required' },
      });
      const empty = s.reply(seed, [{ ...s.plans(seed)[0], content: ' ' }, ...s.plans(seed).slice(1)]);
      expect(await rejectionOf(s.step(seed.id, empty))).toEqual({
        type: 'InvalidCommand',
        details: { field: 'plans[0].content', rule: 'empty' },
      });
      expect(await s.acceptedUpdates(recommendationWorkflowId(seed.id))).toBe(accepted); // refused before history
      expect(s.store.recommendations.get(seed.id)?.status).toBe('RECEIVED');
      expect(types(s.store, seed.id, 'REPLY_SUBMITTED')).toBe(0);
      for (const finding of seed.findings) expect(s.store.findings.get(finding.id)?.status).toBe('ASSIGNED');

      const view = await s.step(seed.id, s.reply(seed));
      expect(view).toMatchObject({ status: 'REPLIED', reply: { content: '书面回复', signedBy: '刘局长' } });
      // Answered only once every finding has its plan in the read model: no waiting here.
      for (const [index, finding] of seed.findings.entries()) {
        expect(s.store.findings.get(finding.id)).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan' });
        expect(s.store.timeline(finding.id).at(-1)).toMatchObject({
          type: 'PLAN_SUBMITTED',
          actor: UNIT.id,
          data: { content: s.plans(seed)[index].content },
        });
      }
      expect(s.store.recommendations.get(seed.id)?.status).toBe('REPLIED');
      expect(await rejectionOf(s.step(seed.id, s.reply(seed)))).toEqual({ type: 'StepNotAllowed', details: { status: 'REPLIED' } });
      for (const finding of seed.findings) expect(types(s.store, finding.id, 'PLAN_SUBMITTED')).toBe(1);
    });
  });

  it('closes with its last finding; the case closes only when all its findings are, a draft’s included; then all end', async () => {
    await scenario(async (s) => {
      const { caseId, caseHandle, plainId } = await s.openCase();
      const { seed: first } = await s.issued(caseId);
      const { seed: draft } = await s.draft(caseId);
      await s.step(first.id, s.receipt());
      await s.step(first.id, s.reply(first));

      await s.closeOut(first.findings[0].id);
      expect(s.store.recommendations.get(first.id)?.status).toBe('REPLIED');
      await s.closeOut(first.findings[1].id);
      await s.eventually(() => s.store.recommendations.get(first.id)?.status === 'CLOSED');
      expect(types(s.store, first.id, 'RECOMMENDATION_CLOSED')).toBe(1);
      expect(s.store.recommendations.get(first.id)?.closedAt).not.toBeNull();

      // The case's own finding closed too: only the draft's findings keep it open.
      await s.findingStep(plainId, { type: 'submitPlan', content: '整改方案', actor: UNIT });
      await s.closeOut(plainId);
      await s.eventually(async () => (await s.projectedStatusSignals(caseId)) >= 3);
      expect(s.store.cases.get(caseId)?.status).toBe('OPEN');
      expect(types(s.store, caseId, 'CASE_CLOSED')).toBe(0);

      await s.step(draft.id, { type: 'submit', actor: DRAFTER });
      await s.step(draft.id, s.approve());
      await s.step(draft.id, s.receipt());
      await s.step(draft.id, s.reply(draft));
      for (const finding of draft.findings) await s.closeOut(finding.id);
      await s.eventually(() => s.store.recommendations.get(draft.id)?.status === 'CLOSED');
      await s.eventually(() => s.store.cases.get(caseId)?.status === 'CLOSED');
      expect(types(s.store, caseId, 'CASE_CLOSED')).toBe(1);

      // 回头看: each finding's follow-up held, every workflow ends.
      const all = [plainId, ...first.findings.map((f) => f.id), ...draft.findings.map((f) => f.id)];
      await env.sleep(DAYS_POLICY.followUpAfterMs + DAY);
      await s.eventually(() => all.every((id) => s.store.types(id).includes('FOLLOW_UP_DUE')));
      for (const id of all) await s.findingStep(id, { type: 'reviewFollowUp', result: 'held', comment: '巩固', actor: actor('sup-1') });
      expect(await s.recommendation(first.id).result()).toMatchObject({ status: 'CLOSED' });
      expect(await s.recommendation(draft.id).result()).toMatchObject({ status: 'CLOSED' });
      await caseHandle.result();
      expect(await s.scheduled(recommendationWorkflowId(first.id), 'issueDocument')).toHaveLength(1);
      expect([...s.store.documents.keys()].sort()).toEqual([`${first.id}:issue`, `${draft.id}:issue`].sort());
    });
  });
});

/** What one test drives: a case, its recommendations and findings, through the client as the API does. */
class Scenario {
  /** Every workflow id this scenario may have started, to terminate at its end. */
  private readonly started = new Set<string>();

  constructor(
    private readonly env: TestWorkflowEnvironment,
    readonly store: RecordingActivities,
    readonly taskQueue: string,
  ) {}

  /** A case with one finding of its own, due far off so that its timers stay quiet. */
  async openCase() {
    const caseId = randomUUID();
    const now = await this.env.currentTimeMs();
    const plain = findingSeed(now, { caseId, dueAt: new Date(now + 300 * DAY).toISOString() });
    const input: OpenCaseInput = {
      caseId,
      title: '某局工程招投标违纪案',
      summary: '案情',
      source: 'review',
      openedBy: OFFICER,
      openedAt: new Date(now).toISOString(),
      findings: [plain],
      policy: DAYS_POLICY,
      timeZone: 'Asia/Shanghai',
    };
    const caseHandle = await this.env.client.workflow.start(caseWorkflow, {
      taskQueue: this.taskQueue,
      workflowId: caseWorkflowId(caseId),
      args: [{ open: input }],
    });
    this.started.add(caseWorkflowId(caseId)).add(findingWorkflowId(plain.id));
    await caseHandle.executeUpdate(caseOpenedUpdate);
    return { caseId, caseHandle, plainId: plain.id };
  }

  /** As POST /cases/:id/recommendations: two items, reply due in 20 days. */
  async draft(caseId: string) {
    const now = await this.env.currentTimeMs();
    const id = randomUUID();
    const seed: RecommendationSeed = {
      id,
      caseId,
      unitId: 'U1',
      trackingOfficeId: 'O1',
      title: '关于加强工程招投标监管的纪检监察建议书',
      causeAnalysis: '监督缺位',
      measures: '健全制度',
      replyDueAt: new Date(now + 20 * DAY).toISOString(),
      draftedBy: DRAFTER,
      createdAt: new Date(now).toISOString(),
      findings: [0, 1].map(() =>
        findingSeed(now, { caseId, dueAt: new Date(now + 60 * DAY).toISOString(), trackingOfficeId: 'O1', recommendationId: id }),
      ),
    };
    this.started.add(recommendationWorkflowId(id));
    for (const finding of seed.findings) this.started.add(findingWorkflowId(finding.id));
    const view = await this.env.client.workflow
      .getHandle(caseWorkflowId(caseId))
      .executeUpdate(addRecommendationUpdate, { args: [{ recommendation: seed, actor: DRAFTER, policy: DAYS_POLICY }] });
    return { seed, view };
  }

  /** Drafted, submitted and approved: answered once numbered, frozen and its findings started. */
  async issued(caseId: string) {
    const { seed } = await this.draft(caseId);
    await this.step(seed.id, { type: 'submit', actor: DRAFTER });
    const view = await this.step(seed.id, this.approve());
    expect(view).toMatchObject({ status: 'ISSUED', docNo: expect.any(String) });
    return { seed, view };
  }

  async terminateAll(): Promise<void> {
    await Promise.all(
      [...this.started].map(
        (workflowId) =>
          this.env.client.workflow
            .getHandle(workflowId)
            .terminate('test done')
            .catch(() => undefined), // already ended, or never started
      ),
    );
  }

  recommendation(id: string) {
    return this.env.client.workflow.getHandle(recommendationWorkflowId(id));
  }

  finding(id: string) {
    return this.env.client.workflow.getHandle(findingWorkflowId(id));
  }

  step(id: string, command: RecommendationCommand) {
    return this.recommendation(id).executeUpdate(recommendationCommandUpdate, { args: [command] });
  }

  findingStep(id: string, command: FindingCommand) {
    return this.finding(id).executeUpdate(findingCommandUpdate, { args: [command] });
  }

  approve(by: Actor = actor('sup-1')): RecommendationCommand {
    return { type: 'signOff', decision: 'approve', comment: '同意签发', actor: by };
  }

  receipt(): RecommendationCommand {
    return { type: 'signReceipt', signedBy: '刘局长', statement: '坚决整改', actor: UNIT };
  }

  plans(seed: RecommendationSeed): Plan[] {
    return seed.findings.map((finding, index) => ({ findingId: finding.id, content: `第${index + 1}项整改措施` }));
  }

  reply(seed: RecommendationSeed, plans: Plan[] = this.plans(seed)): RecommendationCommand {
    return { type: 'reply', content: '书面回复', signedBy: '刘局长', plans, actor: UNIT };
  }

  /** From a submitted plan to verification passed. */
  async closeOut(findingId: string) {
    await this.findingStep(findingId, { type: 'decidePlan', decision: 'approve', comment: '同意', actor: actor('sup-1') });
    await this.findingStep(findingId, {
      type: 'submitReport',
      content: '已整改',
      evidence: [{ name: 'a.pdf', sha256: 'a'.repeat(64), uri: 's3://a' }],
      actor: UNIT,
    });
    return this.findingStep(findingId, { type: 'verify', decision: 'pass', comment: '验收通过', actor: actor('sup-2') });
  }

  /** The task queue of each activity of this type the workflow scheduled, from its history. */
  async scheduled(workflowId: string, activityType: string): Promise<string[]> {
    const history = await this.env.client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? [])
      .map((event) => event.activityTaskScheduledEventAttributes)
      .filter((attributes) => attributes?.activityType?.name === activityType)
      .map((attributes) => attributes?.taskQueue?.name ?? '');
  }

  async acceptedUpdates(workflowId: string): Promise<number> {
    const history = await this.env.client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes).length;
  }

  /** How many of the case's findingStatus signals it has projected (projectCase completed). */
  async projectedStatusSignals(caseId: string): Promise<number> {
    const history = await this.env.client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
    const events = history.events ?? [];
    const projectCase = new Set(
      events
        .filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'projectCase')
        .map((event) => String(event.eventId)),
    );
    return events.filter((event) => projectCase.has(String(event.activityTaskCompletedEventAttributes?.scheduledEventId))).length;
  }

  /** Polls (in real time, the server's clock standing still) until a signal's effect shows. */
  async eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
