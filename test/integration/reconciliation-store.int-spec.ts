import { ProjectionStore, ReconciliationStore } from '@reform/persistence';
import { anEvent, anOpenCase } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('ReconciliationStore', () => {
  let db: TestDatabase;
  let store: ReconciliationStore;
  let projection: ProjectionStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new ReconciliationStore(db.dataSource);
    projection = new ProjectionStore(db.dataSource);
  });
  afterAll(() => db?.drop());

  it('lists open findings in id order with how many events each holds, leaving out finished ones', async () => {
    const opened = anOpenCase(2040, 3);
    await projection.caseOpened(opened);
    const [open, closed, held] = [...opened.findings].sort((a, b) => a.id.localeCompare(b.id));
    const entity = (id: string) => ({ id, caseId: opened.case.id, type: 'finding' as const });
    await projection.finding({
      finding: { ...closed, status: 'CLOSED', version: 2 },
      events: [anEvent(entity(closed.id), 2, { type: 'CLOSED' })],
    });
    await projection.finding({
      finding: { ...held, status: 'CLOSED', version: 2 },
      events: [anEvent(entity(held.id), 2, { type: 'FOLLOW_UP_HELD' })],
    });
    const ids = opened.findings.map((f) => f.id);
    const listed = (await store.openFindings(null, 1000)).filter((f) => ids.includes(f.record.id));
    expect(listed.map((f) => f.record.id)).toEqual([open.id, closed.id]);
    expect(listed.map((f) => f.eventCount)).toEqual([1, 2]);
    expect(listed[1].record).toMatchObject({ status: 'CLOSED', version: 2, caseId: opened.case.id });
    expect((await store.openFindings(open.id, 1000)).map((f) => f.record.id)).not.toContain(open.id);
  });

  it('re-projects a row of the same or an older version, never a newer one', async () => {
    const opened = anOpenCase(2041, 1);
    await projection.caseOpened(opened);
    const [finding] = opened.findings;
    expect(await store.reproject({ ...finding, status: 'RECTIFYING' })).toBe(true);
    expect((await store.finding(finding.id))?.record.status).toBe('RECTIFYING');
    await projection.finding({ finding: { ...finding, status: 'REPORT_SUBMITTED', version: 3 }, events: [] });
    expect(await store.reproject({ ...finding, status: 'ASSIGNED', version: 2 })).toBe(false);
    expect((await store.finding(finding.id))?.record).toMatchObject({ status: 'REPORT_SUBMITTED', version: 3 });
  });

  it('keeps one drift per run, entity and kind, and shows the last run with its counts', async () => {
    expect(await store.existing('cases', [])).toEqual(new Set());
    await store.begin('run-1', '2040-01-01T00:00:00.000Z');
    await store.begin('run-2', '2040-01-01T01:00:00.000Z');
    const entityId = '00000000-0000-4000-8000-000000000001';
    const drift = {
      entityType: 'finding' as const,
      entityId,
      kind: 'projection-differs' as const,
      detail: 'status differed',
      repaired: true,
    };
    await store.recordDrifts('run-2', [drift]);
    await store.recordDrifts('run-2', [{ ...drift, repaired: false }]);
    await store.recordDrifts('run-2', [{ ...drift, kind: 'events-missing', detail: 'the timeline holds 2 of 3', repaired: false }]);
    expect(await store.lastRun()).toMatchObject({ id: 'run-2', status: 'running', finishedAt: null, repaired: 1, unrepaired: 1 });
    await store.finish({
      runId: 'run-2',
      status: 'completed',
      finishedAt: '2040-01-01T01:00:05.000Z',
      error: null,
      findingsChecked: 3,
      casesChecked: 1,
      workflowsChecked: 4,
      inFlight: 1,
    });
    const run = await store.lastRun();
    expect(run).toMatchObject({ id: 'run-2', status: 'completed', findingsChecked: 3, casesChecked: 1, workflowsChecked: 4, inFlight: 1 });
    expect(run?.drifts.map((d) => [d.kind, d.repaired])).toEqual([
      ['events-missing', false],
      ['projection-differs', true],
    ]);
  });
});
