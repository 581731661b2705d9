import { WorkflowNotFoundError } from '@temporalio/client';
import type { Drift, FindingRecord } from '@reform/contracts';
import type { StoredFinding } from '@reform/persistence';
import { OPENING_GRACE_MS, Reconciler, type ReconciliationRows, type WorkflowsPort } from './reconciler';

const NOW = Date.parse('2026-03-10T08:00:00.000Z');
const LONG_AGO = '2026-03-01T08:00:00.000Z';

const record = (overrides: Partial<FindingRecord> = {}): FindingRecord => ({
  id: 'f1',
  caseId: 'c1',
  title: 't',
  description: 'd',
  category: null,
  unitId: 'U1',
  responsiblePerson: null,
  dueAt: '2026-04-01T08:00:00.000Z',
  status: 'RECTIFYING',
  overdue: false,
  escalationLevel: 0,
  accountability: 'none',
  pendingApproval: null,
  pendingSince: null,
  openedBy: 'officer-1',
  createdAt: LONG_AGO,
  updatedAt: LONG_AGO,
  closedAt: null,
  version: 3,
  ...overrides,
});
const stored = (overrides: Partial<FindingRecord> = {}, eventCount = 3): StoredFinding => ({ record: record(overrides), eventCount });
const notFound = () => new WorkflowNotFoundError('not found', 'finding-f1', undefined);

function setUp(rows: StoredFinding[], workflow: Partial<WorkflowsPort>) {
  const recorded: Drift[] = [];
  const table: ReconciliationRows = {
    openFindings: jest.fn(async () => rows),
    finding: jest.fn(async (id: string) => rows.find((row) => row.record.id === id) ?? null),
    openCaseIds: jest.fn(async () => []),
    existing: jest.fn(async (_table: 'cases' | 'findings', ids: string[]) => new Set(ids)),
    reproject: jest.fn(async () => true),
    recordDrifts: jest.fn(async (_runId: string, drifts: Drift[]) => void recorded.push(...drifts)),
  };
  const port: WorkflowsPort = {
    findingRecord: jest.fn(async () => record()),
    describe: jest.fn(async () => ({ status: 'RUNNING', projecting: false })),
    runningPage: jest.fn(async () => ({ workflows: [], next: null })),
    ...workflow,
  };
  return {
    reconciler: new Reconciler(
      table,
      port,
      () => undefined,
      () => NOW,
    ),
    table,
    port,
    recorded,
  };
}

const batch = { runId: 'r1', after: null, limit: 100 };

describe('Reconciler', () => {
  it('passes a finding whose row and timeline agree with its workflow, asking no more', async () => {
    const { reconciler, port, recorded } = setUp([stored()], {});
    expect(await reconciler.findings(batch)).toEqual({ checked: 1, inFlight: 0, drifts: 0, next: null });
    expect(port.describe).not.toHaveBeenCalled();
    expect(recorded).toEqual([]);
  });

  it('re-projects a row that lags its workflow when no projection is under way', async () => {
    const lagging = stored({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan', version: 2 }, 3);
    const { reconciler, table, recorded } = setUp([lagging], {});
    expect(await reconciler.findings(batch)).toMatchObject({ drifts: 1, inFlight: 0 });
    expect(table.reproject).toHaveBeenCalledWith(record());
    expect(recorded).toEqual([expect.objectContaining({ entityId: 'f1', kind: 'projection-differs', repaired: true })]);
  });

  it('leaves a difference alone while the workflow is still projecting it', async () => {
    const lagging = stored({ version: 2 }, 2);
    const { reconciler, table } = setUp([lagging], { describe: jest.fn(async () => ({ status: 'RUNNING', projecting: true })) });
    expect(await reconciler.findings(batch)).toMatchObject({ drifts: 0, inFlight: 1 });
    expect(table.reproject).not.toHaveBeenCalled();
  });

  it('reports events the timeline lacks, which no record can restore', async () => {
    const { reconciler, table, recorded } = setUp([stored({}, 2)], {});
    await reconciler.findings(batch);
    expect(table.reproject).not.toHaveBeenCalled();
    expect(recorded).toEqual([
      expect.objectContaining({ kind: 'events-missing', repaired: false, detail: expect.stringContaining('2 of') }),
    ]);
  });

  it('never overwrites a row that is ahead of its workflow', async () => {
    const { reconciler, table, recorded } = setUp([stored({ version: 4 }, 4)], {});
    await reconciler.findings(batch);
    expect(table.reproject).not.toHaveBeenCalled();
    expect(recorded).toEqual([expect.objectContaining({ kind: 'projection-differs', repaired: false })]);
  });

  it('reports an open finding without a workflow, unless it was just assigned (its case opening, its recommendation issued)', async () => {
    const old = setUp([stored()], { findingRecord: jest.fn(async () => Promise.reject(notFound())) });
    await old.reconciler.findings(batch);
    expect(old.recorded).toEqual([expect.objectContaining({ kind: 'workflow-missing', repaired: false })]);

    const justNow = new Date(NOW - OPENING_GRACE_MS / 2).toISOString();
    const young = setUp([stored({ createdAt: justNow, updatedAt: justNow })], {
      findingRecord: jest.fn(async () => Promise.reject(notFound())),
    });
    expect(await young.reconciler.findings(batch)).toMatchObject({ drifts: 0, inFlight: 1 });

    // A recommendation's finding, drafted long ago and assigned just now at its issue.
    const issued = setUp([stored({ updatedAt: justNow, recommendationId: 'r1' })], {
      findingRecord: jest.fn(async () => Promise.reject(notFound())),
    });
    expect(await issued.reconciler.findings(batch)).toMatchObject({ drifts: 0, inFlight: 1 });
  });

  it('re-projects the row of a running workflow that has none, and notes the missing timeline', async () => {
    const orphan = { type: 'finding' as const, workflowId: 'finding-f9', entityId: 'f9', startedAtMs: NOW - 10 * OPENING_GRACE_MS };
    const { reconciler, table, recorded } = setUp([], {
      runningPage: jest.fn(async () => ({ workflows: [orphan], next: 'token-2' })),
      findingRecord: jest.fn(async () => record({ id: 'f9' })),
    });
    table.existing = jest.fn(async (kind: 'cases' | 'findings', ids: string[]) => new Set(kind === 'cases' ? ids : []));
    expect(await reconciler.runningWorkflows(batch)).toMatchObject({ checked: 1, drifts: 2, next: 'token-2' });
    expect(table.reproject).toHaveBeenCalledWith(record({ id: 'f9' }));
    expect(recorded.map((d) => [d.kind, d.repaired])).toEqual([
      ['row-missing', true],
      ['events-missing', false],
    ]);
  });

  it('pages by the last id of a full batch', async () => {
    const { reconciler } = setUp([stored({ id: 'a' }), stored({ id: 'b' })], {
      findingRecord: jest.fn(async (id: string) => record({ id: id.replace('finding-', '') })),
    });
    expect((await reconciler.findings({ ...batch, limit: 2 })).next).toBe('b');
  });
});
