import type { NotificationAddresser } from '@reform/contracts';
import { MIGRATIONS, ProjectionStore } from '@reform/persistence';
import { aFinding, anEvent, anOpenCase } from '../support/projection-records';
import { addresser } from '../support/addressing';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('ProjectionStore', () => {
  let db: TestDatabase;
  let store: ProjectionStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new ProjectionStore(db.dataSource);
  });
  afterAll(() => db?.drop());

  async function count(sql: string, parameters: unknown[]): Promise<number> {
    const [row] = await db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n ${sql}`, parameters);
    return row.n;
  }

  it('numbers cases sequentially within each year', async () => {
    expect(await store.caseOpened(anOpenCase(2030))).toEqual({ code: 'ZG-2030-0001' });
    expect(await store.caseOpened(anOpenCase(2030))).toEqual({ code: 'ZG-2030-0002' });
    expect(await store.caseOpened(anOpenCase(2031))).toEqual({ code: 'ZG-2031-0001' });
  });

  it('hands out distinct, gapless codes to concurrent openings', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.caseOpened(anOpenCase(2032))));
    const expected = Array.from({ length: 20 }, (_, i) => `ZG-2032-${String(i + 1).padStart(4, '0')}`);
    expect(results.map((r) => r.code).sort()).toEqual(expected);
  });

  it('answers a retried opening with the same code and writes nothing twice', async () => {
    const input = anOpenCase(2033, 3);
    const first = await store.caseOpened(input);
    const retries = await Promise.all([input, input, input, input, input].map((i) => store.caseOpened(i)));
    expect(first.code).toBe('ZG-2033-0001');
    expect(retries.map((r) => r.code)).toEqual(Array(5).fill(first.code));
    expect(await count('FROM cases WHERE id = $1', [input.case.id])).toBe(1);
    expect(await count('FROM findings WHERE case_id = $1', [input.case.id])).toBe(3);
    expect(await count('FROM events WHERE case_id = $1', [input.case.id])).toBe(4);
    expect(await store.caseOpened(anOpenCase(2033))).toEqual({ code: 'ZG-2033-0002' });
  });

  it('gives back the number when concurrent first attempts race for one case', async () => {
    const input = anOpenCase(2034);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.caseOpened(input)));
    expect(new Set(results.map((r) => r.code))).toEqual(new Set(['ZG-2034-0001']));
    expect(await store.caseOpened(anOpenCase(2034))).toEqual({ code: 'ZG-2034-0002' });
  });

  it('writes a case with 200 findings and their events in one call', async () => {
    const input = anOpenCase(2035, 200);
    await store.caseOpened(input);
    expect(await count('FROM findings WHERE case_id = $1', [input.case.id])).toBe(200);
    expect(await count('FROM events WHERE case_id = $1', [input.case.id])).toBe(201);
  });

  it('adds a finding once and moves the case version only forward', async () => {
    const opened = anOpenCase(2036, 1);
    await store.caseOpened(opened);
    const finding = aFinding(opened.case.id, { createdAt: '2026-03-02T08:00:00.000Z' });
    const events = [
      anEvent({ id: opened.case.id, caseId: opened.case.id, type: 'case' }, 2, { type: 'FINDING_ADDED' }),
      anEvent({ id: finding.id, caseId: opened.case.id, type: 'finding' }, 1),
    ];
    const input = { caseId: opened.case.id, caseVersion: 2, finding, events };
    await store.findingAdded(input);
    await store.findingAdded(input);
    await store.findingAdded({ ...input, caseVersion: 1 });
    expect(await count('FROM findings WHERE case_id = $1', [opened.case.id])).toBe(2);
    expect(await count('FROM events WHERE case_id = $1', [opened.case.id])).toBe(4);
    const [row] = await db.dataSource.query('SELECT version, updated_at FROM cases WHERE id = $1', [opened.case.id]);
    expect(row.version).toBe(2);
    expect(row.updated_at.toISOString()).toBe('2026-03-02T08:00:00.000Z');
  });

  it('keeps the newer finding snapshot when an older one arrives late', async () => {
    const opened = anOpenCase(2037, 1);
    await store.caseOpened(opened);
    const base = opened.findings[0];
    const entity = { id: base.id, caseId: base.caseId, type: 'finding' as const };
    const planSubmitted = anEvent(entity, 2, { type: 'PLAN_SUBMITTED', actor: 'unit-finance' });
    const planApproved = anEvent(entity, 3, { type: 'PLAN_APPROVED', actor: 'supervisor-1' });
    const newer = { finding: { ...base, status: 'RECTIFYING' as const, version: 3 }, events: [planSubmitted, planApproved] };
    const older = {
      finding: { ...base, status: 'PLAN_SUBMITTED' as const, pendingApproval: 'plan' as const, version: 2 },
      events: [planSubmitted],
    };
    await store.finding(newer);
    await store.finding(older);
    const [row] = await db.dataSource.query('SELECT status, version, pending_approval FROM findings WHERE id = $1', [base.id]);
    expect(row).toEqual({ status: 'RECTIFYING', version: 3, pending_approval: null });
    expect(await count('FROM events WHERE entity_id = $1', [base.id])).toBe(3);
  });

  it('stores each event once under concurrent retries', async () => {
    const opened = anOpenCase(2038, 1);
    await store.caseOpened(opened);
    const base = opened.findings[0];
    const entity = { id: base.id, caseId: base.caseId, type: 'finding' as const };
    const input = {
      finding: { ...base, status: 'PLAN_SUBMITTED' as const, version: 2 },
      events: [anEvent(entity, 2, { type: 'PLAN_SUBMITTED', data: { measures: ['建立回避制度'] } })],
    };
    await Promise.all(Array.from({ length: 6 }, () => store.finding(input)));
    const rows = await db.dataSource.query('SELECT seq, type, data FROM events WHERE entity_id = $1 ORDER BY seq', [base.id]);
    expect(rows).toEqual([
      { seq: 1, type: 'ASSIGNED', data: {} },
      { seq: 2, type: 'PLAN_SUBMITTED', data: { measures: ['建立回避制度'] } },
    ]);
  });

  it('stores a finding, its events and their notifications together, and answers what is left to deliver', async () => {
    const opened = anOpenCase(2040, 2);
    await store.caseOpened(opened);
    const notified = (base: (typeof opened.findings)[number], status: NotificationAddresser) => {
      const entity = { id: base.id, caseId: base.caseId, type: 'finding' as const };
      const notification = {
        key: `${base.id}:reminder:1`,
        kind: 'REMINDER' as const,
        findingId: base.id,
        caseId: base.caseId,
        recipient: { kind: 'unit' as const, unitId: base.unitId },
        subject: 'due soon',
        at: '2026-03-02T08:00:00.000Z',
        data: {},
      };
      const input = {
        finding: { ...base, version: 2 },
        events: [anEvent(entity, 2, { type: 'REMINDER_SENT' })],
        notifications: [notification],
      };
      return { input, status, key: notification.key };
    };
    const pending = notified(opened.findings[0], addresser(['inbox', 'webhook']));
    expect(await store.findingEffects(pending.input, pending.status)).toEqual({ deliver: [pending.key] });
    await db.dataSource.query(`UPDATE notifications SET status = 'delivered' WHERE key = $1`, [pending.key]);
    await db.dataSource.query(`UPDATE notification_deliveries SET status = 'delivered' WHERE notification_key = $1`, [pending.key]);
    // A retried activity stores nothing twice and asks for no second delivery.
    expect(await store.findingEffects(pending.input, pending.status)).toEqual({ deliver: [] });
    const recorded = notified(opened.findings[1], addresser(['inbox']));
    expect(await store.findingEffects(recorded.input, recorded.status)).toEqual({ deliver: [] });
    const rows = await db.dataSource.query('SELECT key, status FROM notifications WHERE case_id = $1 ORDER BY status', [opened.case.id]);
    expect(rows).toEqual([
      { key: pending.key, status: 'delivered' },
      { key: recorded.key, status: 'recorded' },
    ]);
    expect(await count('FROM events WHERE case_id = $1 AND type = $2', [opened.case.id, 'REMINDER_SENT'])).toBe(2);
    const [row] = await db.dataSource.query('SELECT version FROM findings WHERE id = $1', [opened.findings[0].id]);
    expect(row.version).toBe(2);
  });

  it('closes a case and ignores an older snapshot afterwards', async () => {
    const opened = anOpenCase(2039, 1);
    await store.caseOpened(opened);
    const caseId = opened.case.id;
    const closed = anEvent({ id: caseId, caseId, type: 'case' }, 2, { type: 'CASE_CLOSED' });
    const closedAt = '2026-05-01T00:00:00.000Z';
    await store.case({ caseId, status: 'CLOSED', closedAt, updatedAt: closedAt, version: 5, events: [closed] });
    await store.case({ caseId, status: 'OPEN', closedAt: null, updatedAt: closedAt, version: 4, events: [closed] });
    const [row] = await db.dataSource.query('SELECT status, closed_at, version FROM cases WHERE id = $1', [caseId]);
    expect(row).toEqual({ status: 'CLOSED', closed_at: new Date(closedAt), version: 5 });
    expect(await count('FROM events WHERE entity_id = $1', [caseId])).toBe(2);
  });
});

describe('the migrations', () => {
  it('reverts and reapplies cleanly', async () => {
    const db = await createTestDatabase();
    try {
      const tables = async () =>
        (
          await db.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'
             AND table_name IN ('case_codes', 'cases', 'findings', 'events', 'notifications', 'idempotency_keys')`,
          )
        )[0].n;
      expect(await tables()).toBe(6);
      for (const _ of MIGRATIONS) await db.dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toBe(0);
      await db.dataSource.runMigrations({ transaction: 'each' });
      expect(await tables()).toBe(6);
      await new ProjectionStore(db.dataSource).caseOpened(anOpenCase(2040));
    } finally {
      await db.drop();
    }
  });
});
