import { deliveryRetryWorkflowId } from '@reform/contracts';
import { dailyDigestWorkflow, deliveryRetryWorkflow } from './notification.workflows';
import { DevServerHarness } from './testing/dev-server-harness';

/** The two small workflows of notifications, on the dev server; with RECORD_HISTORIES=1 they record their histories. */
describe('notification workflows (dev server)', () => {
  const harness = new DevServerHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('retries one failed delivery', async () => {
    const workflowId = deliveryRetryWorkflowId(`t${Date.now()}`);
    await harness.client.workflow.execute(deliveryRetryWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId,
      args: [{ deliveryId: '42' }],
    });
    expect(harness.store.deliveries).toContain('retry:42');
    await harness.recordHistory(workflowId, 'delivery-retry');
  });

  it('composes the digests of the business day, then delivers each', async () => {
    const workflowId = `notification-digest-${Date.now()}`;
    const result = await harness.client.workflow.execute(dailyDigestWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId,
      args: [{ timeZone: 'Asia/Shanghai' }],
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(result).toEqual({ digests: 1 });
    expect(harness.store.deliveries).toContain(`digest:${today}`);
    await harness.recordHistory(workflowId, 'daily-digest');
  });
});
