import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfigService, loadConfig } from '@reform/config';
import type { Notification } from '@reform/contracts';
// The worker's activity is tested in place: apps are not importable libraries.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { NotificationActivitiesService } from '../../apps/worker/src/activities/notification.activities';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface Received {
  body: Notification;
  idempotencyKey: IncomingMessage['headers'][string];
}

/** A local webhook that answers `statusCode` and keeps what it was sent. */
function startWebhook() {
  const received: Received[] = [];
  const state = { statusCode: 200 };
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      received.push({ body: JSON.parse(text), idempotencyKey: request.headers['idempotency-key'] });
      response.writeHead(state.statusCode).end();
    });
  });
  const listening = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`)),
  );
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { received, state, listening, close };
}

function aNotification(): Notification {
  const findingId = randomUUID();
  return {
    key: `SUPERVISION_NOTICE:${findingId}:1`,
    kind: 'SUPERVISION_NOTICE',
    findingId,
    caseId: randomUUID(),
    recipient: { kind: 'unit', unitId: 'unit-finance' },
    subject: '督办通知：整改事项已逾期',
    at: '2026-06-01T00:00:00.000Z',
    data: { level: 1 },
  };
}

describe('NotificationActivitiesService', () => {
  let db: TestDatabase;
  let webhook: ReturnType<typeof startWebhook>;
  let service: NotificationActivitiesService;

  beforeAll(async () => {
    db = await createTestDatabase();
    webhook = startWebhook();
    const config = loadConfig({ DATABASE_URL: db.url, NOTIFY_WEBHOOK_URL: await webhook.listening });
    service = new NotificationActivitiesService(new AppConfigService(config), db.dataSource);
  });
  afterAll(async () => {
    await webhook?.close();
    await db?.drop();
  });
  beforeEach(() => {
    webhook.received.length = 0;
    webhook.state.statusCode = 200;
  });

  async function row(key: string) {
    const [found] = await db.dataSource.query(
      'SELECT status, attempts, last_error, delivered_at, recipient, data FROM notifications WHERE key = $1',
      [key],
    );
    return found;
  }

  it('delivers to the webhook once, however often it is retried', async () => {
    const notification = aNotification();
    await service.notify(notification);
    await service.notify(notification);
    expect(webhook.received).toEqual([{ body: notification, idempotencyKey: notification.key }]);
    expect(await row(notification.key)).toMatchObject({
      status: 'delivered',
      attempts: 0,
      last_error: null,
      delivered_at: expect.any(Date),
      recipient: notification.recipient,
      data: notification.data,
    });
  });

  it('throws on a failed delivery, counts it, and delivers on a later retry', async () => {
    const notification = aNotification();
    webhook.state.statusCode = 500;
    await expect(service.notify(notification)).rejects.toThrow(/HTTP 500/);
    expect(await row(notification.key)).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringMatching(/HTTP 500/) });

    webhook.state.statusCode = 204;
    await service.notify(notification);
    expect(await row(notification.key)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(webhook.received).toHaveLength(2);
  });

  it('records the failure when the webhook cannot be reached', async () => {
    const closed = startWebhook();
    const closedUrl = await closed.listening;
    await closed.close();
    const config = loadConfig({ DATABASE_URL: db.url, NOTIFY_WEBHOOK_URL: closedUrl });
    const unreachable = new NotificationActivitiesService(new AppConfigService(config), db.dataSource);
    const notification = aNotification();
    await expect(unreachable.notify(notification)).rejects.toThrow();
    expect(await row(notification.key)).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.any(String) });
  });

  it('only records the notification when no webhook is configured', async () => {
    const config = loadConfig({ DATABASE_URL: db.url });
    const recordOnly = new NotificationActivitiesService(new AppConfigService(config), db.dataSource);
    const notification = aNotification();
    await recordOnly.notify(notification);
    await recordOnly.notify(notification);
    expect(await row(notification.key)).toMatchObject({ status: 'recorded', attempts: 0, delivered_at: null });
    expect(webhook.received).toHaveLength(0);
  });
});
