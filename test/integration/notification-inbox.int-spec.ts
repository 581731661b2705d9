import type { NotificationKind, NotifiedPerson, NotifyChannel, DeliveryStatus, Recipient } from '@reform/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startApi, type InProcessApi } from '../support/api-app';
import { hs256, type TokenClaims } from '../support/oidc-provider';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SECRET = 'notification-inbox-secret-of-enough-length';
/** OFF-IN's jurisdiction: U-IN (its subtree) and what it tracks (U-TRK's notice); OFF-OUT's: U-OUT. */
const ORG_UNITS: Array<[string, { name: string; kind: string; parentId: string }]> = [
  ['OFF-IN', { name: '通知第一纪检监察室', kind: 'office', parentId: 'ROOT' }],
  ['U-IN', { name: '通知单位甲', kind: 'unit', parentId: 'OFF-IN' }],
  ['OFF-OUT', { name: '通知第二纪检监察室', kind: 'office', parentId: 'ROOT' }],
  ['U-OUT', { name: '通知单位乙', kind: 'unit', parentId: 'OFF-OUT' }],
  ['U-TRK', { name: '通知单位丙', kind: 'unit', parentId: 'ROOT' }],
];
const PEOPLE = {
  officer: { sub: 'inbox-officer', roles: ['officer'] },
  unitIn: { sub: 'inbox-unit-in', roles: ['unit'], unitId: 'U-IN' },
  unitInColleague: { sub: 'inbox-unit-in-2', roles: ['unit'], unitId: 'U-IN' },
  /** U-IN's head: reached in person (an inbox row) as well as through the unit. */
  unitHead: { sub: 'head-in', roles: ['unit'], unitId: 'U-IN' },
  unitOut: { sub: 'inbox-unit-out', roles: ['unit'], unitId: 'U-OUT' },
  supervisorIn: { sub: 'inbox-sup-in', roles: ['supervisor'], orgUnitId: 'OFF-IN' },
  supervisorOut: { sub: 'inbox-sup-out', roles: ['supervisor'], orgUnitId: 'OFF-OUT' },
  supervisorRoot: { sub: 'inbox-sup-root', roles: ['supervisor'] },
  stranger: { sub: 'inbox-stranger', roles: ['officer'] },
  admin: { sub: 'inbox-admin', roles: ['admin'] },
} satisfies Record<string, TokenClaims & { orgUnitId?: string }>;
type Who = keyof typeof PEOPLE;

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 0, minute)).toISOString();
const notified = (personId: string, viaOrgUnitId: string): NotifiedPerson => ({
  personId,
  name: personId,
  viaOrgUnitId,
  as: 'head',
  email: `${personId}@example.cn`,
  wecomUserId: null,
});

interface Seeded {
  key: string;
  kind: NotificationKind;
  recipient: Recipient;
  minute: number;
  unitId?: string;
  trackingOfficeId?: string;
  title?: string;
  recommendationId?: string;
  interviewId?: string;
  recipients?: NotifiedPerson[];
}

describe('the inbox and the outbox, over HTTP on PostgreSQL', () => {
  let db: TestDatabase;
  let api: InProcessApi;
  const findingId = randomUUID();
  const recommendationId = randomUUID();
  const interviewId = randomUUID();
  /** Delivery ids by name. */
  const deliveries: Record<string, string> = {};

  const as = async (who: Who) => `Bearer ${await hs256(PEOPLE[who], SECRET, { issuer: null, audience: null })}`;
  const get = async (who: Who, path: string) =>
    request(api.server)
      .get(`/api/v1${path}`)
      .set('authorization', await as(who));
  const post = async (who: Who, path: string) =>
    request(api.server)
      .post(`/api/v1${path}`)
      .set('authorization', await as(who));
  const inboxOf = async (who: Who, query = '') => (await get(who, `/notifications${query}`)).body;
  const keysOf = async (who: Who, query = '') => (await inboxOf(who, query)).items.map((item: { id: string }) => item.id);

  async function notification(n: Seeded): Promise<void> {
    await db.dataSource.query(
      `INSERT INTO notifications (key, kind, finding_id, case_id, recipient, subject, data, created_at, status, attempts,
         recommendation_id, interview_id, unit_id, tracking_office_id, title, body, recipients)
       VALUES ($1, $2, $3, NULL, $4, $5, '{}', $6, 'recorded', 0, $7, $8, $9, $10, $11, $12, $13)`,
      [
        n.key,
        n.kind,
        n.recommendationId || n.interviewId ? null : findingId,
        JSON.stringify(n.recipient),
        `主题 ${n.key}`,
        at(n.minute),
        n.recommendationId ?? null,
        n.interviewId ?? null,
        n.unitId ?? null,
        n.trackingOfficeId ?? null,
        n.title ?? null,
        n.title === undefined ? null : `正文 ${n.key}`,
        JSON.stringify(n.recipients ?? []),
      ],
    );
  }

  async function delivery(
    name: string,
    key: string,
    channel: NotifyChannel,
    personId: string | null,
    status: DeliveryStatus,
    lastError: string | null = null,
  ): Promise<void> {
    const [row] = await db.dataSource.query(
      `INSERT INTO notification_deliveries (notification_key, channel, person_id, address, queue, status, attempts, last_error,
         next_attempt_at, delivered_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now()) RETURNING id::text AS id`,
      [
        key,
        channel,
        personId,
        channel === 'inbox' ? null : `${personId ?? 'hook'}@example.cn`,
        `${channel}:${personId ?? key}`,
        status,
        status === 'delivered' ? 1 : 3,
        lastError,
        status === 'pending' ? at(120) : null,
        status === 'delivered' ? at(60) : null,
      ],
    );
    deliveries[name] = row.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db.url, { AUTH_JWT_SECRET: SECRET });
    for (const [id, body] of ORG_UNITS) {
      const saved = await request(api.server)
        .put(`/api/v1/org-units/${id}`)
        .set('authorization', await as('admin'))
        .send(body);
      expect({ id, status: saved.status }).toEqual({ id, status: 201 });
    }
    // To one person (their digest), reached through OFF-IN: an inbox row, and an e-mail that failed.
    await notification({
      key: 'N1',
      kind: 'DAILY_DIGEST',
      recipient: { kind: 'person', personId: 'inbox-officer' },
      minute: 1,
      title: '每日待办',
      recipients: [notified('inbox-officer', 'OFF-IN')],
    });
    await delivery('n1-inbox', 'N1', 'inbox', 'inbox-officer', 'delivered');
    await delivery('n1-email', 'N1', 'email', 'inbox-officer', 'failed', '550 mailbox unavailable');
    // To U-IN, from before notifications had words of their own (title and body fall back to the subject).
    await notification({
      key: 'N2',
      kind: 'REMINDER',
      recipient: { kind: 'unit', unitId: 'U-IN' },
      minute: 2,
      unitId: 'U-IN',
      recipients: [notified('head-in', 'U-IN')],
    });
    await delivery('n2-inbox', 'N2', 'inbox', 'head-in', 'delivered');
    await delivery('n2-email', 'N2', 'email', 'head-in', 'pending', 'connect ETIMEDOUT');
    await notification({
      key: 'N3',
      kind: 'PLAN_OVERDUE_NOTICE',
      recipient: { kind: 'unit', unitId: 'U-OUT' },
      minute: 3,
      unitId: 'U-OUT',
      title: '整改方案逾期',
    });
    // Awaiting a decision: U-IN's (supervisors), U-TRK's tracked by OFF-IN (its office), U-OUT's (supervisors).
    await notification({
      key: 'N4',
      kind: 'APPROVAL_OVERDUE',
      recipient: { kind: 'supervisors' },
      minute: 4,
      unitId: 'U-IN',
      trackingOfficeId: 'ROOT',
      title: '审批超时',
      recipients: [notified('sup-person', 'OFF-IN')],
    });
    await delivery('n4-wecom', 'N4', 'wecom', 'sup-person', 'failed', 'errcode 93000: invalid webhook url');
    // OFF-IN's supervisor reached in person too: still one entry in the inbox.
    await delivery('n4-inbox', 'N4', 'inbox', 'inbox-sup-in', 'delivered');
    await notification({
      key: 'N5',
      kind: 'RECEIPT_OVERDUE',
      recipient: { kind: 'office', orgUnitId: 'OFF-IN' },
      minute: 5,
      unitId: 'U-TRK',
      trackingOfficeId: 'OFF-IN',
      title: '签收逾期',
      recommendationId,
    });
    await notification({
      key: 'N6',
      kind: 'ACCOUNTABILITY_PROPOSED',
      recipient: { kind: 'supervisors' },
      minute: 6,
      unitId: 'U-OUT',
      trackingOfficeId: 'OFF-OUT',
      title: '问责待审批',
    });
    await delivery('n6-webhook', 'N6', 'webhook', null, 'pending');
    await notification({
      key: 'N7',
      kind: 'INTERVIEW_SCHEDULED',
      recipient: { kind: 'unit', unitId: 'U-IN' },
      minute: 7,
      unitId: 'U-IN',
      title: '约谈通知',
      interviewId,
    });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  describe('GET /notifications', () => {
    it('shows each reader what is theirs: addressed to them, to their unit, or awaiting a decision in the jurisdiction', async () => {
      const seen: Record<string, string[]> = {};
      for (const who of Object.keys(PEOPLE) as Who[]) seen[who] = await keysOf(who);
      expect(seen).toEqual({
        officer: ['N1'],
        unitIn: ['N7', 'N2'],
        unitInColleague: ['N7', 'N2'],
        unitHead: ['N7', 'N2'],
        unitOut: ['N3'],
        supervisorIn: ['N5', 'N4'],
        supervisorOut: ['N6'],
        supervisorRoot: ['N6', 'N5', 'N4'],
        stranger: [],
        admin: [],
      });
      expect(await inboxOf('stranger')).toEqual({ items: [], unread: 0, total: 0 });
    });

    it('answers the contract’s fields: its kind in the contract’s words, what it concerns, Chinese words (the subject for old rows)', async () => {
      const { items } = await inboxOf('unitIn');
      expect(items).toEqual([
        {
          id: 'N7',
          kind: 'INTERVIEW_NOTICE',
          findingId: null,
          recommendationId: null,
          interviewId,
          title: '约谈通知',
          body: '正文 N7',
          createdAt: at(7),
          readAt: null,
        },
        {
          id: 'N2',
          kind: 'REMINDER',
          findingId,
          recommendationId: null,
          interviewId: null,
          title: '主题 N2',
          body: '主题 N2',
          createdAt: at(2),
          readAt: null,
        },
      ]);
      expect((await inboxOf('unitOut')).items[0]).toMatchObject({ kind: 'PLAN_OVERDUE' });
      expect((await inboxOf('supervisorIn')).items[0]).toMatchObject({ id: 'N5', recommendationId, findingId: null });
    });

    it('pages newest first, counting all of them and all the unread', async () => {
      expect(await keysOf('supervisorRoot', '?pageSize=1&page=2')).toEqual(['N5']);
      expect(await inboxOf('supervisorRoot', '?pageSize=1')).toMatchObject({ total: 3, unread: 3 });
      const bad = await get('supervisorRoot', '/notifications?pageSize=500');
      expect([bad.status, bad.body.field]).toEqual([400, 'pageSize']);
    });
  });

  describe('read state, per person', () => {
    it('marks one read for its reader only, idempotently, and counts the unread', async () => {
      const first = await post('unitIn', '/notifications/N2/read');
      expect(first.status).toBe(204);
      const { items, unread, total } = await inboxOf('unitIn');
      const readAt = items.find((item: { id: string }) => item.id === 'N2').readAt;
      expect([readAt === null, unread, total]).toEqual([false, 1, 2]);
      expect((await post('unitIn', '/notifications/N2/read')).status).toBe(204);
      expect((await inboxOf('unitIn')).items[1].readAt).toBe(readAt);
      expect(await inboxOf('unitIn', '?unread=true')).toMatchObject({ total: 1, unread: 1, items: [{ id: 'N7' }] });
      // Her colleagues of the same unit have read nothing; the head reads what reached them twice once.
      expect(await inboxOf('unitInColleague')).toMatchObject({ unread: 2, total: 2 });
      expect((await post('unitHead', '/notifications/N2/read')).status).toBe(204);
      expect(await inboxOf('unitHead')).toMatchObject({ unread: 1, total: 2 });
    });

    it('answers 404 for one the reader does not see, exactly as for an unknown key, and records nothing', async () => {
      const hidden = await post('unitIn', '/notifications/N3/read');
      const unknown = await post('unitIn', '/notifications/N404/read');
      expect([hidden.status, unknown.status]).toEqual([404, 404]);
      expect(hidden.body.message.replace('N3', 'KEY')).toBe(unknown.body.message.replace('N404', 'KEY'));
      expect((await post('supervisorOut', '/notifications/N4/read')).status).toBe(404);
      const reads = await db.dataSource.query(`SELECT 1 FROM notification_reads WHERE notification_key IN ('N3', 'N4')`);
      expect(reads).toEqual([]);
    });

    it('marks all of a reader’s read, and nobody else’s', async () => {
      expect((await post('supervisorIn', '/notifications/read-all')).status).toBe(204);
      expect(await inboxOf('supervisorIn')).toMatchObject({ unread: 0, total: 2 });
      expect(await inboxOf('supervisorIn', '?unread=true')).toEqual({ items: [], unread: 0, total: 0 });
      expect(await inboxOf('supervisorRoot')).toMatchObject({ unread: 3 });
      expect((await post('stranger', '/notifications/read-all')).status).toBe(204);
    });
  });

  describe('GET /ops/notifications', () => {
    const idsOf = async (who: Who, query = '') =>
      (await get(who, `/ops/notifications${query}`)).body.items.map((d: { id: string }) => d.id);

    it('lists every delivery to an admin, newest first, with whom it reached through which unit', async () => {
      const page = (await get('admin', '/ops/notifications')).body;
      expect(page.total).toBe(7);
      expect(page.items.map((d: { id: string }) => d.id)).toEqual(
        ['n6-webhook', 'n4-inbox', 'n4-wecom', 'n2-email', 'n2-inbox', 'n1-email', 'n1-inbox'].map((name) => deliveries[name]),
      );
      const byId = (name: string) => page.items.find((d: { id: string }) => d.id === deliveries[name]);
      expect(byId('n1-email')).toEqual({
        id: deliveries['n1-email'],
        notificationId: 'N1',
        kind: 'DAILY_DIGEST',
        channel: 'email',
        recipient: { personId: 'inbox-officer', name: 'inbox-officer', unitId: 'OFF-IN', address: 'inbox-officer@example.cn' },
        status: 'failed',
        attempts: 3,
        lastError: '550 mailbox unavailable',
        nextAttemptAt: null,
        deliveredAt: null,
      });
      expect(byId('n2-email')).toMatchObject({ recipient: { unitId: 'U-IN' }, status: 'pending', nextAttemptAt: at(120) });
      // The webhook reaches no one person: the unit the notification concerns stands in.
      expect(byId('n6-webhook').recipient).toEqual({ personId: null, name: null, unitId: 'U-OUT', address: 'hook@example.cn' });
      expect(byId('n2-inbox')).toMatchObject({ channel: 'inbox', status: 'delivered', deliveredAt: at(60) });
    });

    it('filters by status and channel', async () => {
      expect(await idsOf('admin', '?status=failed')).toEqual([deliveries['n4-wecom'], deliveries['n1-email']]);
      expect(await idsOf('admin', '?channel=email')).toEqual([deliveries['n2-email'], deliveries['n1-email']]);
      expect(await idsOf('admin', '?status=failed&channel=wecom')).toEqual([deliveries['n4-wecom']]);
      expect((await get('admin', '/ops/notifications?status=pending&pageSize=1')).body.total).toBe(2);
      const bad = await get('admin', '/ops/notifications?channel=fax');
      expect([bad.status, bad.body.field]).toEqual([400, 'channel']);
    });

    it('confines a supervisor to the deliveries of notifications within the jurisdiction', async () => {
      expect(await idsOf('supervisorIn')).toEqual(['n4-inbox', 'n4-wecom', 'n2-email', 'n2-inbox'].map((name) => deliveries[name]));
      expect(await idsOf('supervisorOut')).toEqual([deliveries['n6-webhook']]);
      expect((await get('supervisorRoot', '/ops/notifications')).body.total).toBe(7);
      expect((await get('unitIn', '/ops/notifications')).status).toBe(403);
    });
  });

  describe('POST /ops/notifications/:id/retry', () => {
    it('starts the retry of a failed delivery and leaves the row to the workflow', async () => {
      const calls = api.workflows.calls.length;
      const response = await post('admin', `/ops/notifications/${deliveries['n1-email']}/retry`);
      expect([response.status, response.body]).toEqual([202, { id: deliveries['n1-email'], status: 'pending' }]);
      expect(api.workflows.calls.slice(calls)).toEqual([{ kind: 'retryDelivery', id: deliveries['n1-email'], actor: 'system' }]);
      const [row] = await db.dataSource.query(`SELECT status FROM notification_deliveries WHERE id = $1`, [deliveries['n1-email']]);
      expect(row.status).toBe('failed');
    });

    it('answers 409 with the status of one not failed, and 404 for one unknown or outside the jurisdiction', async () => {
      const calls = api.workflows.calls.length;
      const pending = await post('admin', `/ops/notifications/${deliveries['n2-email']}/retry`);
      expect([pending.status, pending.body.status]).toEqual([409, 'pending']);
      const delivered = await post('supervisorIn', `/ops/notifications/${deliveries['n2-inbox']}/retry`);
      expect([delivered.status, delivered.body.status]).toEqual([409, 'delivered']);
      expect((await post('supervisorOut', `/ops/notifications/${deliveries['n4-wecom']}/retry`)).status).toBe(404);
      expect((await post('admin', '/ops/notifications/999999/retry')).status).toBe(404);
      expect(api.workflows.calls.slice(calls)).toEqual([]);
      expect((await post('supervisorIn', `/ops/notifications/${deliveries['n4-wecom']}/retry`)).status).toBe(202);
    });
  });

  describe('GET /health', () => {
    it('counts the pending and failed deliveries beside its checks', async () => {
      const health = await request(api.server).get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({
        status: 'ok',
        checks: { database: 'up', temporal: 'up' },
        details: { notifications: { pending: 2, failed: 2 } },
      });
    });

    it('stays ok, without the counts, when they cannot be read', async () => {
      await db.dataSource.query('ALTER TABLE notification_deliveries RENAME TO notification_deliveries_away');
      try {
        const health = await request(api.server).get('/health');
        expect([health.status, health.body]).toEqual([200, { status: 'ok', checks: { database: 'up', temporal: 'up' } }]);
      } finally {
        await db.dataSource.query('ALTER TABLE notification_deliveries_away RENAME TO notification_deliveries');
      }
    });
  });
});
