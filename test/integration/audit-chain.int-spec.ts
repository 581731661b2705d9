import { AuditChainQueries, entryHash, ProjectionStore } from '@reform/persistence';
import type { EventType, FindingProjection } from '@reform/contracts';
import { aFinding, anEvent, anOpenCase } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const STEP_TYPES: EventType[] = ['PLAN_SUBMITTED', 'PLAN_APPROVED', 'REMINDER_SENT', 'OVERDUE', 'ESCALATED', 'REPORT_SUBMITTED'];

/** A finding projection carrying the events of `seqs` (as a step's or a timer's activity would). */
function projection(finding: ReturnType<typeof aFinding>, seqs: number[]): FindingProjection {
  const entity = { id: finding.id, caseId: finding.caseId, type: 'finding' as const };
  return {
    finding: { ...finding, version: Math.max(...seqs) },
    events: seqs.map((seq) => anEvent(entity, seq, { type: STEP_TYPES[seq % STEP_TYPES.length], data: { seq, note: `第${seq}步` } })),
  };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('the audit log hash chain', () => {
  let db: TestDatabase;
  let store: ProjectionStore;
  let chain: AuditChainQueries;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new ProjectionStore(db.dataSource);
    chain = new AuditChainQueries(db.dataSource);
  });
  afterAll(() => db?.drop());

  async function links(entityId: string) {
    return db.dataSource.query<Array<{ seq: number; chain_index: number }>>(
      'SELECT seq, chain_index FROM events WHERE entity_id = $1 ORDER BY chain_index',
      [entityId],
    );
  }

  it('holds when one finding’s events arrive concurrently, out of order and retried', async () => {
    const opened = anOpenCase(2050, 2);
    await store.caseOpened(opened);
    const [first, second] = opened.findings;
    // 2..31 for each finding, single and overlapping batches, each sent three times, all at once.
    const batches = (f: typeof first) =>
      Array.from({ length: 30 }, (_, i) => i + 2).flatMap((seq) => [
        projection(f, [seq]),
        projection(
          f,
          [seq, seq + 1].filter((s) => s <= 31),
        ),
      ]);
    const all = shuffled([...batches(first), ...batches(second), ...batches(first)], 7);
    await Promise.all(all.map((input) => store.finding(input)));

    for (const finding of [first, second]) {
      const stored = await links(finding.id);
      expect(stored.map((row) => row.chain_index)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
      expect(new Set(stored.map((row) => row.seq)).size).toBe(31);
    }
    expect(await chain.verify()).toEqual({ ok: true, entries: await countEvents() });
    expect(await chain.verify(first.id)).toEqual({ ok: true, entries: 31 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on events', async () => {
    const opened = anOpenCase(2051, 1);
    await store.caseOpened(opened);
    const id = opened.findings[0].id;
    await expect(db.dataSource.query(`UPDATE events SET actor = 'x' WHERE entity_id = $1`, [id])).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.dataSource.query('DELETE FROM events WHERE entity_id = $1', [id])).rejects.toThrow(/append-only: DELETE/);
    await expect(db.dataSource.query('TRUNCATE events')).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await links(id)).toHaveLength(1);
  });

  async function countEvents(): Promise<number> {
    const [row] = await db.dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM events');
    return row.n;
  }
});

describe('verification after an edit made directly in SQL (trigger dropped)', () => {
  let db: TestDatabase;
  let store: ProjectionStore;
  let chain: AuditChainQueries;
  /** Entries a fresh database already holds: the register events of the migrations (ROOT's ORG_UNIT_SAVED). */
  let migrated: number;

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new ProjectionStore(db.dataSource);
    chain = new AuditChainQueries(db.dataSource);
  });
  afterEach(() => db?.drop());

  /** Two findings with five events each; the trigger that guards the table dropped, as an intruder would. */
  async function seeded() {
    migrated = (await chain.verify()).entries;
    const opened = anOpenCase(2052, 2);
    await store.caseOpened(opened);
    for (const finding of opened.findings) await store.finding(projection(finding, [2, 3, 4, 5]));
    expect(await chain.verify()).toMatchObject({ ok: true, entries: migrated + 11 });
    await db.dataSource.query('DROP TRIGGER trg_events_append_only ON events');
    return opened.findings;
  }

  it('names the edited entry', async () => {
    const [target, untouched] = await seeded();
    await db.dataSource.query(`UPDATE events SET data = '{"seq": 3, "note": "改过"}' WHERE entity_id = $1 AND seq = 3`, [target.id]);
    expect(await chain.verify()).toEqual({ ok: false, firstBrokenSeq: 3, entityId: target.id, reason: 'content', entries: migrated + 11 });
    expect(await chain.verify(untouched.id)).toEqual({ ok: true, entries: 5 });
  });

  it('names the entry after one whose hash was recomputed to match the edit', async () => {
    const [target] = await seeded();
    await db.dataSource.query(`UPDATE events SET actor = 'someone-else' WHERE entity_id = $1 AND seq = 2`, [target.id]);
    const [row] = await db.dataSource.query('SELECT * FROM events WHERE entity_id = $1 AND seq = 2', [target.id]);
    const forged = entryHash(row.prev_hash, {
      entityId: row.entity_id,
      entityType: row.entity_type,
      caseId: row.case_id,
      seq: row.seq,
      chainIndex: row.chain_index,
      type: row.type,
      at: row.at.toISOString(),
      actor: row.actor,
      data: row.data,
    });
    await db.dataSource.query('UPDATE events SET hash = $2 WHERE entity_id = $1 AND seq = 2', [target.id, forged]);
    expect(await chain.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, entityId: target.id, reason: 'link' });
  });

  it('names the entry after a deleted one', async () => {
    const [target] = await seeded();
    await db.dataSource.query('DELETE FROM events WHERE entity_id = $1 AND seq = 4', [target.id]);
    expect(await chain.verify()).toEqual({ ok: false, firstBrokenSeq: 5, entityId: target.id, reason: 'index', entries: migrated + 10 });
  });

  it('reports the break stored earliest when several entities were edited', async () => {
    const [first, second] = await seeded();
    await db.dataSource.query(`UPDATE events SET type = 'CLOSED' WHERE entity_id = $1 AND seq = 5`, [first.id]);
    await db.dataSource.query(`UPDATE events SET at = at + interval '1 day' WHERE entity_id = $1 AND seq = 2`, [second.id]);
    // first's events 2..5 were stored before second's.
    expect(await chain.verify()).toMatchObject({ ok: false, firstBrokenSeq: 5, entityId: first.id, reason: 'content' });
  });
});

describe('the hash-chain migration', () => {
  it('chains events stored before it, in the order they were inserted', async () => {
    const db = await createTestDatabase();
    try {
      const hasChain = async () =>
        (await db.dataSource.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'hash'`))
          .length > 0;
      while (await hasChain()) await db.dataSource.undoLastMigration({ transaction: 'each' });

      const caseId = '11111111-2222-4333-8444-555555555555';
      const findingId = '66666666-7777-4888-8999-aaaaaaaaaaaa';
      await db.dataSource.query(
        `INSERT INTO cases (id, code, title, summary, source, status, opened_by, created_at, updated_at, version)
         VALUES ($1, 'ZG-2060-0001', 't', 's', 'review', 'OPEN', 'o', now(), now(), 1)`,
        [caseId],
      );
      // Stored out of seq order, as concurrent projections did before the chain existed.
      for (const [entityId, seq] of [
        [caseId, 1],
        [findingId, 1],
        [findingId, 3],
        [findingId, 2],
      ] as const) {
        await db.dataSource.query(
          `INSERT INTO events (entity_id, entity_type, case_id, seq, type, at, actor, data)
           VALUES ($1, $2, $3, $4, 'ASSIGNED', '2026-03-01T08:00:00Z', 'o', '{"b": 1, "a": [1, 2]}')`,
          [entityId, entityId === caseId ? 'case' : 'finding', caseId, seq],
        );
      }
      await db.dataSource.runMigrations({ transaction: 'each' });

      const rows = await db.dataSource.query('SELECT seq, chain_index FROM events WHERE entity_id = $1 ORDER BY chain_index', [findingId]);
      expect(rows).toEqual([
        { seq: 1, chain_index: 1 },
        { seq: 3, chain_index: 2 },
        { seq: 2, chain_index: 3 },
      ]);
      const chain = new AuditChainQueries(db.dataSource);
      expect(await chain.verify()).toEqual({ ok: true, entries: 4 });
      // and new events link on after the backfilled ones
      await new ProjectionStore(db.dataSource).finding(projection(aFinding(caseId, { id: findingId }), [4]));
      expect(await chain.verify(findingId)).toEqual({ ok: true, entries: 4 });
    } finally {
      await db.drop();
    }
  });
});
