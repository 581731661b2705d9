import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfigService, loadConfig } from '@reform/config';
import type { FindingRecord, Notification, NotificationKind, Recipient } from '@reform/contracts';
import { ProjectionStore } from '@reform/persistence';
// The worker's services are tested in place: apps are not importable libraries.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DeliveryActivitiesService } from '../../apps/worker/src/notifications/delivery.activities';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DigestComposer } from '../../apps/worker/src/notifications/digest-composer';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { NotificationAddressing } from '../../apps/worker/src/notifications/notification-addressing';
import { RobotReceiver, SmtpReceiver } from '../support/notification-receivers';
import { aCase, aFinding } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const AT = '2026-06-01T00:00:00.000Z';
const CONSOLE_URL = 'http://console.example.gov.cn';

/** A county (the root the migrations register) of one office and two units; U-B's head has no e-mail and no WeCom id. */
async function registerCounty(db: TestDatabase): Promise<void> {
  const units: [string, string, string, string | null][] = [
    ['OFF', '第一纪检监察室', 'office', 'ROOT'],
    ['U-A', '县财政局', 'unit', 'ROOT'],
    ['U-B', '县教育局', 'unit', 'ROOT'],
  ];
  for (const [id, name, kind, parent] of units) {
    await db.dataSource.query(
      `INSERT INTO org_units (id, name, kind, parent_id, supervises, active, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, '[]', true, now(), now(), 1)`,
      [id, name, kind, parent],
    );
  }
  const people: [string, string, string, string | null, string | null][] = [
    ['head-a', '张伟', 'U-A', 'zhangwei@czj.example.gov.cn', 'ZhangWei'],
    ['liaison-a', '王芳', 'U-A', 'wangfang@czj.example.gov.cn', 'WangFang'],
    ['head-b', '陈刚', 'U-B', null, null],
    ['sup-sun', '孙丽', 'OFF', 'sunli@jw.example.gov.cn', 'SunLi'],
  ];
  for (const [id, name, orgUnitId, email, wecom] of people) {
    await db.dataSource.query(
      `INSERT INTO people (id, name, org_unit_id, email, wecom_user_id, active, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, true, now(), now(), 1)`,
      [id, name, orgUnitId, email, wecom],
    );
  }
  await db.dataSource.query(`UPDATE org_units SET head_person_id = 'head-a', liaison_person_id = 'liaison-a' WHERE id = 'U-A'`);
  await db.dataSource.query(`UPDATE org_units SET head_person_id = 'head-b' WHERE id = 'U-B'`);
  await db.dataSource.query(`UPDATE org_units SET head_person_id = 'sup-sun' WHERE id = 'OFF'`);
}

/** A local webhook that answers `statusCode` and keeps what it was sent. */
function startWebhook() {
  const received: { body: Record<string, unknown>; idempotencyKey: IncomingMessage['headers'][string] }[] = [];
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

describe('notifications reach people on every channel (real SMTP server, local robot and webhook)', () => {
  let db: TestDatabase;
  let smtp: SmtpReceiver;
  let robot: RobotReceiver;
  let webhook: ReturnType<typeof startWebhook>;
  let service: DeliveryActivitiesService;
  let projections: ProjectionStore;
  let addressing: NotificationAddressing;
  let seq = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    await registerCounty(db);
    smtp = new SmtpReceiver();
    robot = new RobotReceiver();
    webhook = startWebhook();
    const config = new AppConfigService(
      loadConfig({
        DATABASE_URL: db.url,
        NOTIFY_CHANNELS: 'inbox,email,wecom,webhook',
        SMTP_URL: await smtp.start(),
        NOTIFY_EMAIL_FROM: '县纪委监委 <jw@example.gov.cn>',
        WECOM_ROBOT_URL: await robot.start(),
        NOTIFY_WEBHOOK_URL: await webhook.listening,
        CONSOLE_URL,
      }),
    );
    addressing = new NotificationAddressing(config);
    service = new DeliveryActivitiesService(config, addressing, new DigestComposer(db.dataSource, config, addressing), db.dataSource);
    projections = new ProjectionStore(db.dataSource);
  });
  afterAll(async () => {
    service?.onModuleDestroy();
    await smtp?.stop();
    await robot?.stop();
    await webhook?.close();
    await db?.drop();
  });
  beforeEach(() => {
    smtp.mails.length = 0;
    smtp.refuse = () => false;
    robot.messages.length = 0;
    robot.status = 200;
    robot.errcode = 0;
    webhook.received.length = 0;
    webhook.state.statusCode = 200;
  });

  async function openFinding(overrides: Partial<FindingRecord> = {}): Promise<FindingRecord> {
    const opened = aCase();
    const finding = aFinding(opened.id, { unitId: 'U-A', trackingOfficeId: 'OFF', title: '招投标监管制度缺失', ...overrides });
    await projections.caseOpened({ case: opened, year: 2026, findings: [finding], events: [] });
    return finding;
  }

  /** Records a notification as a finding's projection does, answering the keys still to deliver. */
  async function record(
    finding: FindingRecord,
    kind: NotificationKind,
    recipient?: Recipient,
  ): Promise<{ notification: Notification; deliver: string[] }> {
    seq += 1;
    const notification: Notification = {
      key: `${finding.id}:${seq}:${kind}`,
      kind,
      findingId: finding.id,
      caseId: finding.caseId,
      recipient: recipient ?? { kind: 'unit', unitId: finding.unitId },
      subject: `${kind}: ${finding.title}`,
      at: AT,
      data: { dueAt: finding.dueAt, since: AT },
    };
    const { deliver } = await projections.findingEffects(
      { finding: { ...finding, version: finding.version + seq }, events: [], notifications: [notification] },
      addressing.address,
    );
    return { notification, deliver };
  }

  const deliveries = (key: string) =>
    db.dataSource.query(
      `SELECT channel, person_id, address, status, attempts, last_error, next_attempt_at FROM notification_deliveries
       WHERE notification_key = $1 ORDER BY channel, person_id`,
      [key],
    );

  it('addresses a unit notification to its head and liaison, records them, and delivers once on every channel however often it is retried', async () => {
    const finding = await openFinding();
    const { notification, deliver } = await record(finding, 'REMINDER');
    expect(deliver).toEqual([notification.key]);

    await service.notify(notification);
    await service.notify(notification);
    await service.deliverNotification({ key: notification.key });

    const [stored] = await db.dataSource.query('SELECT title, body, recipients, status, unit_id FROM notifications WHERE key = $1', [
      notification.key,
    ]);
    expect(stored).toMatchObject({ title: '整改时限提醒：招投标监管制度缺失', status: 'delivered', unit_id: 'U-A' });
    expect(stored.body).toContain('2026年6月1日 08:00');
    expect(stored.recipients.map((person: { personId: string; as: string }) => [person.personId, person.as])).toEqual([
      ['head-a', 'head'],
      ['liaison-a', 'liaison'],
    ]);
    expect(
      (await deliveries(notification.key)).map((row: { channel: string; person_id: string; status: string }) => [
        row.channel,
        row.person_id,
        row.status,
      ]),
    ).toEqual([
      ['email', 'head-a', 'delivered'],
      ['email', 'liaison-a', 'delivered'],
      ['inbox', 'head-a', 'delivered'],
      ['inbox', 'liaison-a', 'delivered'],
      ['webhook', null, 'delivered'],
      ['wecom', 'head-a', 'delivered'],
      ['wecom', 'liaison-a', 'delivered'],
    ]);

    // E-mail: one per person, the Chinese subject encoded on the wire, plain text and HTML with the link.
    expect(smtp.mails.map((mail) => mail.envelopeTo).sort()).toEqual([['wangfang@czj.example.gov.cn'], ['zhangwei@czj.example.gov.cn']]);
    const mail = smtp.mails.find((each) => each.envelopeTo[0] === 'zhangwei@czj.example.gov.cn');
    expect(mail?.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(mail?.parsed.subject).toBe('【以案促改】整改时限提醒：招投标监管制度缺失');
    expect(mail?.parsed.from?.text).toContain('jw@example.gov.cn');
    expect(mail?.parsed.text).toContain('张伟同志：');
    expect(mail?.parsed.text).toContain(`${CONSOLE_URL}/findings/${finding.id}`);
    expect(mail?.parsed.html).toContain(`href="${CONSOLE_URL}/findings/${finding.id}"`);
    expect(mail?.notificationKey).toBe(notification.key);

    // WeCom: markdown for each person, mentioning them by wecomUserId, with the link.
    expect(robot.messages).toHaveLength(2);
    const contents = robot.messages.map((message) => message.body.markdown?.content ?? '');
    expect(robot.messages.every((message) => message.body.msgtype === 'markdown')).toBe(true);
    expect(contents.some((content) => content.includes('<@ZhangWei>'))).toBe(true);
    expect(contents.some((content) => content.includes('<@WangFang>'))).toBe(true);
    expect(contents[0]).toContain('**【以案促改】整改时限提醒：招投标监管制度缺失**');
    expect(contents[0]).toContain(`(${CONSOLE_URL}/findings/${finding.id})`);

    // Webhook: once, with its key as the Idempotency-Key, words and recipients included.
    expect(webhook.received).toHaveLength(1);
    expect(webhook.received[0].idempotencyKey).toBe(notification.key);
    expect(webhook.received[0].body).toMatchObject({ key: notification.key, kind: 'REMINDER', title: '整改时限提醒：招投标监管制度缺失' });
  });

  it('sends what awaits a decision to the tracking office head, and keeps the recipients it resolved when the register changes later', async () => {
    const finding = await openFinding();
    const { notification } = await record(finding, 'APPROVAL_OVERDUE', { kind: 'supervisors' });
    await service.notify(notification);
    expect(smtp.mails.map((mail) => mail.envelopeTo[0])).toEqual(['sunli@jw.example.gov.cn']);

    await db.dataSource.query(`UPDATE org_units SET head_person_id = NULL WHERE id = 'OFF'`);
    try {
      const [stored] = await db.dataSource.query('SELECT recipients FROM notifications WHERE key = $1', [notification.key]);
      expect(stored.recipients).toEqual([expect.objectContaining({ personId: 'sup-sun', viaOrgUnitId: 'OFF', as: 'head' })]);
    } finally {
      await db.dataSource.query(`UPDATE org_units SET head_person_id = 'sup-sun' WHERE id = 'OFF'`);
    }
  });

  it('marks a delivery failed, with the reason, when the register has no address, and delivers it on retry once the register is fixed', async () => {
    const finding = await openFinding({ unitId: 'U-B' });
    const { notification } = await record(finding, 'SUPERVISION_NOTICE');
    await service.notify(notification);
    const failed = (await deliveries(notification.key)).filter((row: { channel: string }) => row.channel === 'email');
    expect(failed).toEqual([
      expect.objectContaining({ person_id: 'head-b', status: 'failed', last_error: expect.stringContaining('未登记电子邮箱') }),
    ]);
    const [{ status }] = await db.dataSource.query('SELECT status FROM notifications WHERE key = $1', [notification.key]);
    expect(status).toBe('failed');

    await db.dataSource.query(`UPDATE people SET email = 'chengang@jyj.example.gov.cn' WHERE id = 'head-b'`);
    const [{ id }] = await db.dataSource.query(
      `SELECT id::text FROM notification_deliveries WHERE notification_key = $1 AND channel = 'email'`,
      [notification.key],
    );
    await service.retryDelivery({ deliveryId: id });
    expect(smtp.mails.map((mail) => mail.envelopeTo[0])).toEqual(['chengang@jyj.example.gov.cn']);
    expect((await deliveries(notification.key)).find((row: { channel: string }) => row.channel === 'email')).toMatchObject({
      status: 'delivered',
    });
  });

  it('marks an address the SMTP server refuses as failed and never tries it again', async () => {
    smtp.refuse = (address) => address.startsWith('wangfang@');
    const finding = await openFinding();
    const { notification } = await record(finding, 'PLAN_OVERDUE_NOTICE');
    await service.notify(notification);
    await service.deliverNotification({ key: notification.key });
    const email = (await deliveries(notification.key)).filter((row: { channel: string }) => row.channel === 'email');
    expect(email).toEqual([
      expect.objectContaining({ person_id: 'head-a', status: 'delivered' }),
      expect.objectContaining({
        person_id: 'liaison-a',
        status: 'failed',
        attempts: 1,
        last_error: expect.stringMatching(/550|no such mailbox/),
      }),
    ]);
    expect(smtp.mails.map((mail) => mail.envelopeTo[0])).toEqual(['zhangwei@czj.example.gov.cn']);
  });

  it('marks a robot 4xx and a WeCom errcode as failed, and retries a robot 5xx', async () => {
    const finding = await openFinding();
    robot.status = 400;
    const refused = await record(finding, 'FOLLOW_UP_DUE', { kind: 'unit', unitId: 'U-A' });
    await service.notify(refused.notification);
    expect((await deliveries(refused.notification.key)).filter((row: { channel: string }) => row.channel === 'wecom')).toEqual([
      expect.objectContaining({ status: 'failed', last_error: expect.stringContaining('HTTP 400') }),
      expect.objectContaining({ status: 'failed', last_error: expect.stringContaining('HTTP 400') }),
    ]);

    robot.status = 200;
    robot.errcode = 93000;
    const invalid = await record(finding, 'INTERVIEW_NOTICE');
    await service.notify(invalid.notification);
    expect((await deliveries(invalid.notification.key)).find((row: { channel: string }) => row.channel === 'wecom')).toMatchObject({
      status: 'failed',
      last_error: expect.stringContaining('errcode 93000'),
    });

    robot.errcode = 0;
    robot.status = 503;
    const unavailable = await record(finding, 'ACCOUNTABILITY_PROPOSED');
    await expect(service.notify(unavailable.notification)).rejects.toThrow(/HTTP 503/);
    expect((await deliveries(unavailable.notification.key)).find((row: { channel: string }) => row.channel === 'wecom')).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringContaining('HTTP 503'),
      next_attempt_at: expect.any(Date),
    });
    robot.status = 200;
    await service.notify(unavailable.notification);
    expect(robot.messages.map((message) => message.notificationKey)).toEqual([unavailable.notification.key, unavailable.notification.key]);
  });

  it('holds everything while the mail server is down and, once it is back, delivers each mail once and in order per person', async () => {
    const finding = await openFinding();
    await smtp.stop();
    const recorded = [];
    for (const kind of ['REMINDER', 'PLAN_OVERDUE_NOTICE', 'SUPERVISION_NOTICE'] as const) recorded.push(await record(finding, kind));
    for (const { notification } of recorded) await expect(service.notify(notification)).rejects.toThrow(/not delivered yet/);
    const waiting = await deliveries(recorded[0].notification.key);
    expect(
      waiting.find((row: { channel: string; person_id: string }) => row.channel === 'email' && row.person_id === 'head-a'),
    ).toMatchObject({
      status: 'pending',
      last_error: expect.stringMatching(/ECONNREFUSED|connect/i),
    });

    await smtp.start();
    // The retries come back in any order: the last notification's first.
    for (const { notification } of [...recorded].reverse()) await service.notify(notification).catch(() => undefined);
    for (const { notification } of recorded) await service.notify(notification);

    const keysFor = (address: string) => smtp.mails.filter((mail) => mail.envelopeTo[0] === address).map((mail) => mail.notificationKey);
    const inOrder = recorded.map(({ notification }) => notification.key);
    expect(keysFor('zhangwei@czj.example.gov.cn')).toEqual(inOrder);
    expect(keysFor('wangfang@czj.example.gov.cn')).toEqual(inOrder);
    const [{ pending }] = await db.dataSource.query(
      `SELECT count(*)::int AS pending FROM notification_deliveries WHERE notification_key = ANY($1) AND status = 'pending'`,
      [inOrder],
    );
    expect(pending).toBe(0);
  });

  it('makes one daily digest per person with something overdue or due this week, once per day', async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const late = new Date(Date.now() - 86_400_000).toISOString();
    await openFinding({ title: '本周到期的问题', dueAt: soon });
    await openFinding({ title: '已逾期的问题', dueAt: late, overdue: true });
    const first = await service.composeDigests({ date: '2026-12-03' });
    const again = await service.composeDigests({ date: '2026-12-03' });
    expect(first.keys).toEqual(
      expect.arrayContaining(['digest:2026-12-03:head-a', 'digest:2026-12-03:liaison-a', 'digest:2026-12-03:sup-sun']),
    );
    expect(again.keys.sort()).toEqual(first.keys.sort());
    const [digest] = await db.dataSource.query(`SELECT title, body, recipients FROM notifications WHERE key = 'digest:2026-12-03:head-a'`);
    expect(digest.title).toMatch(/^每日待办（2026-12-03）：\d+ 项逾期，\d+ 项本周到期$/);
    expect(digest.body).toContain('“已逾期的问题”');
    expect(digest.body).toContain('“本周到期的问题”');
    expect(digest.recipients).toEqual([expect.objectContaining({ personId: 'head-a' })]);
    await service.deliverNotification({ key: 'digest:2026-12-03:head-a' });
    expect(smtp.mails.filter((mail) => mail.notificationKey === 'digest:2026-12-03:head-a').map((mail) => mail.envelopeTo[0])).toEqual([
      'zhangwei@czj.example.gov.cn',
    ]);
  });
});
