import { randomUUID } from 'node:crypto';
import { ProjectionStore } from '@reform/persistence';
import request from 'supertest';
import { startApi, type InProcessApi } from '../support/api-app';
import { aCase, aFinding, anEvent } from '../support/projection-records';
import { freePort, missingForJob, valueOf } from '../support/prometheus-text';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const TOKEN = 'metrics-scrape-token-of-length';
const DAY_MS = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('the API /metrics, on PostgreSQL', () => {
  let db: TestDatabase;
  let api: InProcessApi;
  const scrape = () => request(api.server).get('/metrics').set('authorization', `Bearer ${TOKEN}`);

  async function openCase(findings: Array<Parameters<typeof aFinding>[1]>): Promise<void> {
    const record = aCase();
    const rows = findings.map((overrides) => aFinding(record.id, overrides));
    await new ProjectionStore(db.dataSource).caseOpened({
      case: record,
      year: 2026,
      findings: rows,
      events: [
        anEvent({ id: record.id, caseId: record.id, type: 'case' }, 1),
        ...rows.map((f) => anEvent({ id: f.id, caseId: record.id, type: 'finding' }, 1)),
      ],
    });
  }

  async function delivery(channel: string, status: string, createdAt: string): Promise<void> {
    const key = `metrics-${randomUUID()}`;
    await db.dataSource.query(
      `INSERT INTO notifications (key, kind, finding_id, case_id, recipient, subject, data, created_at, status, attempts, recipients)
       VALUES ($1, 'REMINDER', $2, NULL, '{}', '主题', '{}', $3, 'recorded', 0, '[]')`,
      [key, randomUUID(), createdAt],
    );
    await db.dataSource.query(
      `INSERT INTO notification_deliveries (notification_key, channel, queue, status, attempts, created_at)
       VALUES ($1, $2, $3, $4, 1, $5)`,
      [key, channel, `${channel}:${key}`, status, createdAt],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await openCase([
      { status: 'ASSIGNED', overdue: true, escalationLevel: 1 },
      // Waiting on a supervisor for 10 days, past POLICY_APPROVAL_SLA (P3D); the other since just now.
      { status: 'RECTIFYING', pendingApproval: 'extension', pendingSince: ago(10 * DAY_MS) },
      { status: 'PLAN_SUBMITTED', pendingApproval: 'plan', pendingSince: ago(60_000) },
      // Closed findings count nowhere, overdue or not.
      { status: 'CLOSED', overdue: true, escalationLevel: 2, closedAt: ago(DAY_MS) },
    ]);
    await delivery('email', 'pending', ago(120_000));
    await delivery('email', 'delivered', ago(600_000));
    await delivery('wecom', 'failed', ago(300_000));
    api = await startApi(db.url, { METRICS_TOKEN: TOKEN });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers 401 without the token or with another, and the metrics with it', async () => {
    expect((await request(api.server).get('/metrics')).status).toBe(401);
    expect((await request(api.server).get('/metrics').set('authorization', 'Bearer another-token-of-length')).status).toBe(401);
    const scraped = await scrape();
    expect(scraped.status).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    expect(valueOf(scraped.text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // Only GET /metrics itself: anything else there is the API's 404.
    expect((await request(api.server).post('/metrics').set('authorization', `Bearer ${TOKEN}`)).status).toBe(404);
    expect((await request(api.server).get('/metrics/x').set('authorization', `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('times a request just made under its route pattern and status, and unrouted ones under one label', async () => {
    const findingId = randomUUID();
    expect((await request(api.server).get(`/api/v1/findings/${findingId}`)).status).toBe(401);
    expect((await request(api.server).get(`/no-such-page-${findingId}`).set('accept', 'application/json')).status).toBe(404);
    const { text } = await scrape();
    const count = (route: string, status: string) =>
      valueOf(text, 'http_request_duration_seconds_count', { method: 'GET', route, status_code: status });
    expect(count('/api/v1/findings/:id', '401')).toBe(1);
    expect(count('unmatched', '404')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(findingId);
  });

  it('reports the seeded findings, approvals and outbox, reading once per 5 s however many scrape', async () => {
    const first = (await scrape()).text;
    expect({
      assigned: valueOf(first, 'reform_open_findings', { status: 'ASSIGNED' }),
      rectifying: valueOf(first, 'reform_open_findings', { status: 'RECTIFYING' }),
      planSubmitted: valueOf(first, 'reform_open_findings', { status: 'PLAN_SUBMITTED' }),
      reportSubmitted: valueOf(first, 'reform_open_findings', { status: 'REPORT_SUBMITTED' }),
      closed: valueOf(first, 'reform_open_findings', { status: 'CLOSED' }),
      overdue: valueOf(first, 'reform_overdue_findings'),
      level0: valueOf(first, 'reform_open_findings_by_escalation_level', { level: '0' }),
      level1: valueOf(first, 'reform_open_findings_by_escalation_level', { level: '1' }),
      level2: valueOf(first, 'reform_open_findings_by_escalation_level', { level: '2' }),
      findingApprovalsPastSla: valueOf(first, 'reform_approvals_past_sla', { kind: 'finding' }),
      recommendationsPastSla: valueOf(first, 'reform_approvals_past_sla', { kind: 'recommendation' }),
      emailPending: valueOf(first, 'reform_notification_deliveries_pending', { channel: 'email' }),
      wecomPending: valueOf(first, 'reform_notification_deliveries_pending', { channel: 'wecom' }),
      wecomFailed: valueOf(first, 'reform_notification_deliveries_failed', { channel: 'wecom' }),
      inboxOldestPending: valueOf(first, 'reform_notification_oldest_pending_age_seconds', { channel: 'inbox' }),
      readFailures: valueOf(first, 'reform_business_gauges_failures_total'),
    }).toEqual({
      assigned: 1,
      rectifying: 1,
      planSubmitted: 1,
      reportSubmitted: 0,
      closed: undefined,
      overdue: 1,
      level0: 2,
      level1: 1,
      level2: undefined,
      findingApprovalsPastSla: 1,
      recommendationsPastSla: 0,
      emailPending: 1,
      wecomPending: 0,
      wecomFailed: 1,
      inboxOldestPending: 0,
      readFailures: 0,
    });
    expect(valueOf(first, 'reform_notification_oldest_pending_age_seconds', { channel: 'email' })).toBeGreaterThanOrEqual(119);

    // A finding falls overdue: scrapes within the window (one after another, or together) still
    // show the statement's first answer, so it ran once; after the window it runs again.
    const readAt = Date.now();
    await openCase([{ status: 'ASSIGNED', overdue: true }]);
    const within = await Promise.all([scrape(), scrape(), scrape()]);
    expect(within.map(({ text }) => valueOf(text, 'reform_overdue_findings'))).toEqual([1, 1, 1]);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, readAt + 5000 - Date.now())));
    expect(valueOf((await scrape()).text, 'reform_overdue_findings')).toBe(2);
  });

  it('exports every metric the alert rules and the dashboard read from the reform-api job', async () => {
    expect(missingForJob((await scrape()).text, 'reform-api')).toEqual([]);
  });

  it('serves /metrics on METRICS_PORT only when it is set, and nowhere when neither is', async () => {
    const port = await freePort();
    const separate = await startApi(db.url, { METRICS_PORT: String(port), METRICS_TOKEN: TOKEN });
    const none = await startApi(db.url);
    try {
      expect((await request(separate.server).get('/metrics').set('authorization', `Bearer ${TOKEN}`)).status).toBe(404);
      const own = await request(`http://127.0.0.1:${port}`).get('/metrics');
      expect(own.status).toBe(200);
      expect(valueOf(own.text, 'reform_overdue_findings')).toBe(2);
      expect((await request(`http://127.0.0.1:${port}`).get('/health')).status).toBe(404);
      expect((await request(none.server).get('/metrics').set('authorization', `Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      await separate.close();
      await none.close();
    }
  });
});
