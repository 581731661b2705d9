import { randomUUID } from 'node:crypto';
import {
  addRecommendationUpdate,
  caseOpenedUpdate,
  caseWorkflowId,
  findingCommandUpdate,
  findingWorkflowId,
  recommendationCommandUpdate,
  recommendationWorkflowId,
  type FindingCommand,
  type OpenCaseInput,
  type Policy,
  type RecommendationCommand,
  type RecommendationSeed,
} from '@reform/contracts';
import { caseWorkflow } from './case.workflow';
import { DevServerHarness, rejectionOf } from './testing/dev-server-harness';
import { actor, findingSeed } from './testing/workflow-fixtures';

/** Nothing fires within a test unless a path shortens it. */
const QUIET: Policy = {
  planDueMs: 60_000,
  remindBeforeMs: 1_000,
  escalationStepMs: 60_000,
  approvalSlaMs: 60_000,
  followUpAfterMs: 60_000,
  receiptDueMs: 60_000,
  interviewDueMs: 60_000,
};
const UNIT = actor('unit-1');
const DRAFTER = actor('officer-2');

/**
 * The recommendation's paths on the dev server, in real time with policies of seconds, started
 * through its case as the API does. With RECORD_HISTORIES=1 each records its histories as replay
 * fixtures (test/fixtures/histories/recommendation-*.json): the recommendation's, and the case's and
 * a finding's where the path exercises what they gained with it.
 */
describe('recommendationWorkflow paths (dev server, policies of seconds)', () => {
  const harness = new DevServerHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  const { store } = harness;

  async function openCase(policy: Policy = QUIET) {
    const caseId = randomUUID();
    const now = Date.now();
    const plain = findingSeed(now, { caseId, dueAt: new Date(now + 120_000).toISOString() });
    const input: OpenCaseInput = {
      caseId,
      title: '某局工程招投标违纪案',
      summary: '案情',
      source: 'review',
      openedBy: actor('officer-1'),
      openedAt: new Date(now).toISOString(),
      findings: [plain],
      policy,
      timeZone: 'Asia/Shanghai',
    };
    const handle = await harness.client.workflow.start(caseWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: caseWorkflowId(caseId),
      args: [{ open: input }],
    });
    await handle.executeUpdate(caseOpenedUpdate);
    return { caseId, handle, plainId: plain.id };
  }

  async function draft(caseId: string, policy: Policy, replyInMs: number) {
    const now = Date.now();
    const id = randomUUID();
    const seed: RecommendationSeed = {
      id,
      caseId,
      unitId: 'U1',
      trackingOfficeId: 'O1',
      title: '关于加强工程招投标监管的纪检监察建议书',
      causeAnalysis: '监督缺位',
      measures: '健全制度',
      replyDueAt: new Date(now + replyInMs).toISOString(),
      draftedBy: DRAFTER,
      createdAt: new Date(now).toISOString(),
      findings: [0, 1].map(() =>
        findingSeed(now, { caseId, dueAt: new Date(now + 120_000).toISOString(), trackingOfficeId: 'O1', recommendationId: id }),
      ),
    };
    await harness.client.workflow
      .getHandle(caseWorkflowId(caseId))
      .executeUpdate(addRecommendationUpdate, { args: [{ recommendation: seed, actor: DRAFTER, policy }] });
    return seed;
  }

  const recommendation = (id: string) => harness.client.workflow.getHandle(recommendationWorkflowId(id));
  const step = (id: string, command: RecommendationCommand) =>
    recommendation(id).executeUpdate(recommendationCommandUpdate, { args: [command] });
  const findingStep = (id: string, command: FindingCommand) =>
    harness.client.workflow.getHandle(findingWorkflowId(id)).executeUpdate(findingCommandUpdate, { args: [command] });
  const approve: RecommendationCommand = { type: 'signOff', decision: 'approve', comment: '同意签发', actor: actor('sup-1') };
  const receipt: RecommendationCommand = { type: 'signReceipt', signedBy: '刘局长', statement: '坚决整改', actor: UNIT };
  const reply = (seed: RecommendationSeed, plans = seed.findings.map((f, i) => ({ findingId: f.id, content: `第${i + 1}项措施` }))) =>
    ({ type: 'reply', content: '书面回复', signedBy: '刘局长', plans, actor: UNIT }) satisfies RecommendationCommand;

  async function closeOut(findingId: string) {
    await findingStep(findingId, { type: 'decidePlan', decision: 'approve', comment: '同意', actor: actor('sup-1') });
    await findingStep(findingId, {
      type: 'submitReport',
      content: '已整改',
      evidence: [{ name: 'a.pdf', sha256: 'a'.repeat(64), uri: 's3://a' }],
      actor: UNIT,
    });
    await findingStep(findingId, { type: 'verify', decision: 'pass', comment: '验收通过', actor: actor('sup-2') });
  }

  it('draft → return → resubmit → approve → receipt → reply → closed, and every workflow ends after the follow-ups', async () => {
    const policy: Policy = { ...QUIET, followUpAfterMs: 1_500 };
    const { caseId, handle: caseHandle, plainId } = await openCase(policy);
    const seed = await draft(caseId, policy, 120_000);

    await step(seed.id, { type: 'submit', actor: DRAFTER });
    await step(seed.id, { type: 'signOff', decision: 'return', comment: '成因分析不深入', actor: actor('sup-1') });
    await step(seed.id, { type: 'edit', causeAnalysis: '制度执行不严，监督缺位', actor: DRAFTER });
    await step(seed.id, { type: 'submit', actor: DRAFTER });
    expect(await step(seed.id, approve)).toMatchObject({ status: 'ISSUED', docNo: expect.any(String) });
    expect((await rejectionOf(findingStep(seed.findings[0].id, { type: 'submitPlan', content: '自行提交', actor: UNIT }))).type).toBe(
      'ReplyAwaited',
    );
    await step(seed.id, receipt);
    expect((await rejectionOf(step(seed.id, reply(seed, [])))).type).toBe('InvalidCommand');
    expect(await step(seed.id, reply(seed))).toMatchObject({ status: 'REPLIED' });
    for (const finding of seed.findings) expect(store.findings.get(finding.id)?.status).toBe('PLAN_SUBMITTED');

    for (const finding of seed.findings) await closeOut(finding.id);
    await harness.eventually(() => store.recommendations.get(seed.id)?.status === 'CLOSED');
    expect(store.cases.get(caseId)?.status).toBe('OPEN');
    await findingStep(plainId, { type: 'submitPlan', content: '整改方案', actor: UNIT });
    await closeOut(plainId);
    await harness.eventually(() => store.cases.get(caseId)?.status === 'CLOSED');

    const all = [plainId, ...seed.findings.map((f) => f.id)];
    await harness.eventually(() => all.every((id) => store.types(id).includes('FOLLOW_UP_DUE')));
    for (const id of all) await findingStep(id, { type: 'reviewFollowUp', result: 'held', comment: '巩固', actor: actor('sup-1') });
    expect(await recommendation(seed.id).result()).toMatchObject({ status: 'CLOSED' });
    await caseHandle.result();

    expect(store.types(seed.id)).toEqual([
      'RECOMMENDATION_DRAFTED',
      'RECOMMENDATION_SUBMITTED',
      'RECOMMENDATION_RETURNED',
      'RECOMMENDATION_EDITED',
      'RECOMMENDATION_SUBMITTED',
      'RECOMMENDATION_ISSUED',
      'RECEIPT_SIGNED',
      'REPLY_SUBMITTED',
      'RECOMMENDATION_CLOSED',
    ]);
    expect(store.types(seed.findings[0].id)).toEqual([
      'ASSIGNED',
      'PLAN_SUBMITTED',
      'PLAN_APPROVED',
      'REPORT_SUBMITTED',
      'VERIFICATION_PASSED',
      'CLOSED',
      'FOLLOW_UP_DUE',
      'FOLLOW_UP_HELD',
    ]);
    await harness.recordHistory(recommendationWorkflowId(seed.id), 'recommendation-happy-path');
    await harness.recordHistory(caseWorkflowId(caseId), 'recommendation-case-happy-path');
    await harness.recordHistory(findingWorkflowId(seed.findings[0].id), 'recommendation-finding-happy-path');
  });

  it('receipt overdue: RECEIPT_OVERDUE once with the issue left unsigned, then signed for', async () => {
    const policy: Policy = { ...QUIET, receiptDueMs: 1_500 };
    const { caseId } = await openCase();
    const seed = await draft(caseId, policy, 120_000);
    await step(seed.id, { type: 'submit', actor: DRAFTER });
    await step(seed.id, approve);
    await harness.eventually(() => store.types(seed.id).includes('RECEIPT_OVERDUE'));
    expect(store.recommendations.get(seed.id)?.overdue).toEqual({ receipt: true, reply: false });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await step(seed.id, receipt)).toMatchObject({ status: 'RECEIVED', overdue: { receipt: false, reply: false } });
    expect(store.types(seed.id).filter((type) => type === 'RECEIPT_OVERDUE')).toHaveLength(1);
    await harness.recordHistory(recommendationWorkflowId(seed.id), 'recommendation-receipt-overdue');
  });

  it('reply overdue: reminder, REPLY_OVERDUE and the findings’ PLAN_OVERDUE, then a late reply', async () => {
    const policy: Policy = { ...QUIET, remindBeforeMs: 2_000 };
    const { caseId } = await openCase();
    const seed = await draft(caseId, policy, 4_000);
    await step(seed.id, { type: 'submit', actor: DRAFTER });
    await step(seed.id, approve);
    await step(seed.id, receipt);
    await harness.eventually(() => store.types(seed.id).includes('REPLY_OVERDUE'));
    await harness.eventually(() => seed.findings.every((f) => store.types(f.id).includes('PLAN_OVERDUE')));
    expect(store.recommendations.get(seed.id)?.overdue).toEqual({ receipt: false, reply: true });
    expect(await step(seed.id, reply(seed))).toMatchObject({ status: 'REPLIED', overdue: { receipt: false, reply: false } });
    expect(store.types(seed.id)).toEqual([
      'RECOMMENDATION_DRAFTED',
      'RECOMMENDATION_SUBMITTED',
      'RECOMMENDATION_ISSUED',
      'RECEIPT_SIGNED',
      'REMINDER_SENT',
      'REPLY_OVERDUE',
      'REPLY_SUBMITTED',
    ]);
    expect(store.types(seed.findings[0].id)).toEqual(['ASSIGNED', 'PLAN_OVERDUE', 'PLAN_SUBMITTED']);
    await harness.recordHistory(recommendationWorkflowId(seed.id), 'recommendation-reply-overdue');
    await harness.recordHistory(findingWorkflowId(seed.findings[0].id), 'recommendation-finding-plan-overdue');
  });
});
