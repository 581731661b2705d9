import { Client, Connection } from '@temporalio/client';
import { eventually } from '../support/http';
import {
  admin,
  Api,
  as,
  eventTypes,
  expectNoServerErrorsInEachTest,
  inMs,
  Steps,
  supervisor,
  uniqueUnit,
  unitUser,
} from '../support/contract';
import { RobotReceiver, SmtpReceiver } from '../support/notification-receivers';
import { Stack } from '../support/stack';

interface InboxItem {
  id: string;
  kind: string;
  findingId: string | null;
  title: string;
  body: string;
  readAt: string | null;
}
interface Inbox {
  items: InboxItem[];
  unread: number;
}
interface Delivery {
  id: string;
  notificationId: string;
  kind: string;
  channel: string;
  recipient: { personId: string | null; name: string | null; unitId: string | null; address: string | null };
  status: string;
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
}

describe('notifications on the started stack: a reminder reaches the unit head’s inbox, mailbox and WeCom', () => {
  const smtp = new SmtpReceiver();
  const robot = new RobotReceiver();
  let stack: Stack;
  let api: Api;
  let steps: Steps;

  beforeAll(async () => {
    stack = await Stack.start({
      env: {
        NOTIFY_CHANNELS: 'inbox,email,wecom',
        SMTP_URL: await smtp.start(),
        WECOM_ROBOT_URL: await robot.start(),
        CONSOLE_URL: 'http://zg.example.gov.cn',
        POLICY_REMIND_BEFORE: 'PT4S',
        NOTIFY_DIGEST_AT: '08:30',
        POLICY_ESCALATION_STEP: 'PT1H',
      },
    });
    api = new Api(stack.url(''));
    steps = new Steps(api);
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
    await robot.stop();
  });
  expectNoServerErrorsInEachTest(() => api);

  /** A unit whose head has an e-mail and a WeCom id, and whose liaison has neither. */
  async function unitWithHead(): Promise<{ unitId: string; headId: string; liaisonId: string; headEmail: string }> {
    const unitId = uniqueUnit('NT');
    const headId = `head-${unitId}`;
    const liaisonId = `liaison-${unitId}`;
    const headEmail = `${headId.toLowerCase()}@example.gov.cn`;
    await api.registerUnits(unitId);
    const head = await api.put(
      `/api/v1/people/${headId}`,
      { name: '张局长', orgUnitId: unitId, email: headEmail, wecomUserId: `W${unitId}` },
      admin,
    );
    const liaison = await api.put(`/api/v1/people/${liaisonId}`, { name: '王联络员', orgUnitId: unitId }, admin);
    expect([head.status, liaison.status]).toEqual([201, 201]);
    const named = await api.put(
      `/api/v1/org-units/${unitId}`,
      { name: `单位 ${unitId}`, kind: 'unit', parentId: 'ROOT', headPersonId: headId, liaisonPersonId: liaisonId },
      admin,
    );
    expect(named.status).toBe(200);
    return { unitId, headId, liaisonId, headEmail };
  }

  it('delivers the reminder to the head by inbox, e-mail and robot, shows the liaison’s missing address as a failed delivery, and delivers it on retry once registered', async () => {
    const { unitId, headId, liaisonId, headEmail } = await unitWithHead();
    const finding = await steps.oneFinding(unitId, { dueAt: inMs(8_000), title: '公务用车管理不规范' });
    await eventually(
      () => steps.finding(finding.id),
      (read) => eventTypes(read.body).includes('REMINDER_SENT'),
      30_000,
    );

    const head = as({ sub: headId, roles: ['unit'], unitId });
    const inbox = await eventually(
      () => api.get<Inbox>('/api/v1/notifications', head),
      (read) => read.body.items.some((item) => item.findingId === finding.id && item.kind === 'REMINDER'),
      20_000,
    );
    const reminder = inbox.body.items.find((item) => item.findingId === finding.id) as InboxItem;
    expect(reminder).toMatchObject({ title: '整改时限提醒：公务用车管理不规范', readAt: null });
    expect(reminder.body).toContain('公务用车管理不规范');
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);

    // Any unit user of the unit reads it in the inbox too; another unit's does not.
    const colleague = await api.get<Inbox>('/api/v1/notifications', unitUser(unitId));
    expect(colleague.body.items.map((item) => item.id)).toContain(reminder.id);
    const other = uniqueUnit('OTHER');
    await api.registerUnits(other);
    const stranger = await api.get<Inbox>('/api/v1/notifications', unitUser(other));
    expect(stranger.body.items.map((item) => item.id)).not.toContain(reminder.id);

    const mail = await eventually(
      async () => smtp.mails.find((each) => each.envelopeTo.includes(headEmail)),
      (found) => found !== undefined,
      20_000,
    );
    expect(mail?.parsed.subject).toBe('【以案促改】整改时限提醒：公务用车管理不规范');
    expect(mail?.parsed.text).toContain(`http://zg.example.gov.cn/findings/${finding.id}`);
    await eventually(
      async () => robot.messages.filter((message) => message.notificationKey === reminder.id),
      (found) => found.length === 1,
      20_000,
    );
    expect(robot.messages.find((message) => message.notificationKey === reminder.id)?.body.markdown?.content).toContain(`<@W${unitId}>`);

    // Marked read: the unread count drops, for that person only.
    expect((await api.post(`/api/v1/notifications/${encodeURIComponent(reminder.id)}/read`, {}, head)).status).toBe(204);
    const after = await api.get<Inbox>('/api/v1/notifications', head);
    expect(after.body.items.find((item) => item.id === reminder.id)?.readAt).not.toBeNull();
    expect(after.body.unread).toBe(inbox.body.unread - 1);

    // The liaison has no e-mail: a failed delivery with its reason, in the ops view.
    const failed = await eventually(
      () => api.get<{ items: Delivery[]; total: number }>('/api/v1/ops/notifications?status=failed&channel=email', supervisor),
      (read) => read.body.items.some((item) => item.notificationId === reminder.id && item.recipient.personId === liaisonId),
      20_000,
    );
    const missing = failed.body.items.find(
      (item) => item.notificationId === reminder.id && item.recipient.personId === liaisonId,
    ) as Delivery;
    expect(missing.lastError).toContain('未登记电子邮箱');
    expect(missing.recipient.name).toBe('王联络员');

    // Registered, then retried now: delivered.
    const liaisonEmail = `${liaisonId.toLowerCase()}@example.gov.cn`;
    expect((await api.put(`/api/v1/people/${liaisonId}`, { name: '王联络员', orgUnitId: unitId, email: liaisonEmail }, admin)).status).toBe(
      200,
    );
    expect((await api.post(`/api/v1/ops/notifications/${missing.id}/retry`, {}, supervisor)).status).toBe(202);
    await eventually(
      async () => smtp.mails.filter((each) => each.envelopeTo.includes(liaisonEmail)),
      (found) => found.length === 1,
      30_000,
    );
    const delivered = await eventually(
      () => api.get<{ items: Delivery[] }>('/api/v1/ops/notifications?status=delivered&channel=email', supervisor),
      (read) => read.body.items.some((item) => item.id === missing.id),
      20_000,
    );
    expect(delivered.body.items.find((item) => item.id === missing.id)).toMatchObject({
      status: 'delivered',
      deliveredAt: expect.any(String),
    });
    // A delivered one is not retried again.
    expect((await api.post(`/api/v1/ops/notifications/${missing.id}/retry`, {}, supervisor)).status).toBe(409);
  });

  it('keeps the digest Schedule at NOTIFY_DIGEST_AT in Beijing time; run now, it sends the head a 每日待办 of what is due this week', async () => {
    const { unitId, headId, headEmail } = await unitWithHead();
    await steps.oneFinding(unitId, { dueAt: inMs(3 * 86_400_000), title: '三公经费台账不全' });
    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      const schedule = new Client({ connection }).schedule.getHandle('notification-digest');
      const described = await eventually(
        () => schedule.describe().catch(() => null),
        (found) => found !== null,
        30_000,
      );
      const [calendar] = described?.spec.calendars ?? [];
      expect(calendar?.hour).toEqual([expect.objectContaining({ start: 8, end: 8 })]);
      expect(calendar?.minute).toEqual([expect.objectContaining({ start: 30, end: 30 })]);
      expect(described?.spec.timezone).toBe('Asia/Shanghai');
      await schedule.trigger();
    } finally {
      await connection.close();
    }
    const head = as({ sub: headId, roles: ['unit'], unitId });
    const inbox = await eventually(
      () => api.get<Inbox>('/api/v1/notifications', head),
      (read) => read.body.items.some((item) => item.kind === 'DAILY_DIGEST'),
      30_000,
    );
    const digest = inbox.body.items.find((item) => item.kind === 'DAILY_DIGEST') as InboxItem;
    expect(digest.title).toMatch(/^每日待办（\d{4}-\d{2}-\d{2}）：0 项逾期，1 项本周到期$/);
    expect(digest.body).toContain('“三公经费台账不全”');
    const mail = await eventually(
      async () => smtp.mails.find((each) => each.envelopeTo.includes(headEmail) && each.notificationKey === digest.id),
      (found) => found !== undefined,
      20_000,
    );
    expect(mail?.parsed.subject).toBe(`【以案促改】${digest.title}`);
  });

  it('counts pending and failed deliveries in /health without changing its status', async () => {
    const health = await api.get<{
      status: string;
      checks: Record<string, string>;
      details?: { notifications: { pending: number; failed: number } };
    }>('/health', {});
    expect(health.body).toMatchObject({ status: 'ok', checks: { database: 'up', temporal: 'up' } });
    expect(health.body.details?.notifications).toEqual({ pending: expect.any(Number), failed: expect.any(Number) });
  });
});
