import type { Pool } from 'pg';
import { supervisorOf, type BenchApi } from './api';
import type { BenchOptions } from './options';
import { BENCH_OFFICE, BENCH_OFFICE_SUPERVISES } from './organisation';
import { p50, p99 } from './stats';

export interface ReadsResult {
  rows: number;
  /** How long seeding took to bring the ledger up to `rows` (0 when it was there already). */
  seedMs: number;
  listP50Ms: number;
  listP99Ms: number;
  sqlP50Ms: number;
  sqlP99Ms: number;
  summaryP50Ms: number;
  summaryP99Ms: number;
  summarySqlP99Ms: number;
  /** GET /findings for a supervisor whose token names BENCH_OFFICE: its jurisdiction only (three filter sets). */
  jurisdiction: {
    /** The findings within it, of `rows`. */
    total: number;
    p50Ms: number;
    p99Ms: number;
    sqlP50Ms: number;
    sqlP99Ms: number;
    /** EXPLAIN (ANALYZE, BUFFERS) of the unfiltered page and count statements, as PostgreSQL planned them. */
    plan: string[];
  };
  /** Per filter set; `plan` is how PostgreSQL ran the bare page and count (their scans and execution times). */
  byFilter: Array<{ filter: string; p50Ms: number; p99Ms: number; sqlP99Ms: number; total: number; plan: string }>;
}

/** Marks the rows the benchmark seeds, so that they can be told apart and removed. */
export const SEED_MARK = 'bench-seed';

/**
 * Seeds findings straight into PostgreSQL up to `target` rows: a year of cases across 200 units,
 * in every status, some overdue and escalated — the shape of a provincial ledger.
 */
export async function seedFindings(pool: Pool, target: number): Promise<number> {
  const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM findings');
  const missing = target - Number(rows[0].count);
  if (missing <= 0) return Number(rows[0].count);
  const perCase = 100;
  const cases = Math.ceil(missing / perCase);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT setseed(0.42)');
    await client.query(
      `INSERT INTO cases (id, code, title, summary, source, status, opened_by, created_at, updated_at, closed_at, version)
       SELECT gen_random_uuid(), 'BENCH-' || md5(gen_random_uuid()::text), 'seeded case ' || g, 'seeded for the read benchmark', 'other', 'OPEN',
              $2, now() - interval '1 year' + g * interval '1 minute', now(), NULL, 1
       FROM generate_series(1, $1::int) AS g`,
      [cases, SEED_MARK],
    );
    await client.query(
      `WITH seeded AS (SELECT array_agg(id ORDER BY created_at) AS ids FROM cases WHERE opened_by = $2),
       drawn AS (
         SELECT g, random() AS r, random() AS late, random() AS e, now() - random() * interval '365 days' AS created_at
         FROM generate_series(1, $1::int) AS g
       ),
       shaped AS (
         SELECT g, created_at, late, e,
                CASE WHEN r < 0.2 THEN 'ASSIGNED' WHEN r < 0.3 THEN 'PLAN_SUBMITTED' WHEN r < 0.6 THEN 'RECTIFYING'
                     WHEN r < 0.7 THEN 'REPORT_SUBMITTED' ELSE 'CLOSED' END AS status
         FROM drawn
       ),
       -- A quarter of the open findings are past their deadline: some 15% of the ledger overdue.
       judged AS (
         SELECT *, status NOT IN ('REPORT_SUBMITTED', 'CLOSED') AND late < 0.25 AS overdue FROM shaped
       ),
       levelled AS (
         SELECT *, CASE WHEN NOT overdue THEN 0 WHEN e < 0.5 THEN 1 WHEN e < 0.8 THEN 2 ELSE 3 END AS level,
                CASE WHEN overdue THEN now() - late * interval '240 days'
                     WHEN status IN ('REPORT_SUBMITTED', 'CLOSED') THEN created_at + interval '60 days'
                     ELSE now() + (1 + e * 89) * interval '1 day' END AS due_at
         FROM judged
       )
       INSERT INTO findings (id, case_id, title, description, category, unit_id, responsible_person, tracking_office_id, due_at, status, overdue,
                             escalation_level, accountability, pending_approval, pending_since, opened_by, created_at, updated_at, closed_at, version)
       SELECT gen_random_uuid(), (SELECT ids FROM seeded)[1 + (g % array_length((SELECT ids FROM seeded), 1))],
              'seeded finding ' || g, 'seeded for the read benchmark', 'governance', 'U-' || lpad((g % 200)::text, 3, '0'), NULL,
              -- About 1 in 53 tracked by the office (跟踪单位), spread over every unit: its jurisdiction beyond the units it supervises.
              CASE WHEN g % 53 = 0 THEN $3 END,
              due_at, status, overdue, level, CASE WHEN level = 3 THEN 'proposed' ELSE 'none' END,
              CASE WHEN level = 3 THEN 'accountability' WHEN status = 'PLAN_SUBMITTED' THEN 'plan'
                   WHEN status = 'REPORT_SUBMITTED' THEN 'verification' END,
              CASE WHEN level = 3 OR status IN ('PLAN_SUBMITTED', 'REPORT_SUBMITTED') THEN created_at + interval '3 days' END,
              $2, created_at, created_at + interval '1 day', CASE WHEN status = 'CLOSED' THEN created_at + interval '20 days' END, 2
       -- In the order a ledger is recorded: the (…, created_at, id) indexes grow at their ends
       -- instead of splitting pages all over, and the table lies in the list's order, as a real one does.
       FROM levelled ORDER BY created_at`,
      [missing, SEED_MARK, BENCH_OFFICE],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  // As autovacuum would have long since done on a ledger this size: statistics and the visibility map.
  await pool.query('VACUUM ANALYZE cases');
  await pool.query('VACUUM ANALYZE findings');
  return target;
}

export async function removeSeed(pool: Pool): Promise<void> {
  await pool.query('DELETE FROM findings WHERE opened_by = $1', [SEED_MARK]);
  await pool.query('DELETE FROM cases WHERE opened_by = $1', [SEED_MARK]);
}

// The statements FindingQueries.list and ReportQueries.summary run (libs/persistence), for the bare
// baseline: a total without a case counted from finding_counts, which triggers keep (countedByKey).
const LIST_COLUMNS = `id, case_id, title, description, category, unit_id, responsible_person, due_at, status,
  overdue, escalation_level, accountability, pending_approval, tracking_office_id, created_at, updated_at, closed_at`;
const SUMMARY_SQL = `SELECT unit_id, status, escalation_level, overdue, sum(n) AS count
  FROM finding_counts GROUP BY unit_id, status, escalation_level, overdue HAVING sum(n) > 0`;

interface Filter {
  label: string;
  query: Record<string, string>;
}

/** 管辖范围 as AccessScope hands it to the queries: the units the office supervises, the findings it tracks. */
interface Within {
  unitIds: string[];
  trackingOfficeIds: string[];
}

function listSql(filter: Filter, within?: Within): { page: string; count: string; params: unknown[]; pageParams: unknown[] } {
  const columns: Record<string, string> = {
    status: 'status',
    unitId: 'unit_id',
    overdue: 'overdue',
    escalationLevel: 'escalation_level',
    caseId: 'case_id',
  };
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const [key, column] of Object.entries(columns)) {
    const value = filter.query[key];
    if (value === undefined) continue;
    params.push(key === 'overdue' ? value === 'true' : key === 'escalationLevel' ? Number(value) : value);
    conditions.push(`${column} = $${params.length}`);
  }
  // The predicate of WhereClause.within (libs/persistence sql-support.ts), after the filter's own conditions.
  if (within) {
    params.push(within.unitIds, within.trackingOfficeIds);
    conditions.push(`(unit_id = ANY($${params.length - 1}::text[]) OR tracking_office_id = ANY($${params.length}::text[]))`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const page = Number(filter.query['page'] ?? 1);
  const pageSize = Number(filter.query['pageSize'] ?? 50);
  const pageParams = [...params, pageSize, (page - 1) * pageSize];
  return {
    page: `SELECT ${LIST_COLUMNS} FROM findings ${where} ORDER BY created_at, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    count:
      filter.query['caseId'] === undefined
        ? `SELECT coalesce(sum(n), 0) AS count FROM finding_counts ${where}`
        : `SELECT count(*) AS count FROM findings ${where}`,
    params,
    pageParams,
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function measureReads(api: BenchApi, pool: Pool, options: BenchOptions, say: (line: string) => void): Promise<ReadsResult> {
  say(`reads: seeding findings up to ${options.rows} rows`);
  const seeding = performance.now();
  const rows = await seedFindings(pool, options.rows);
  const seedMs = performance.now() - seeding;
  say(`reads: seeded in ${(seedMs / 1000).toFixed(1)} s`);
  const { rows: someCase } = await pool.query<{ case_id: string }>('SELECT case_id FROM findings WHERE opened_by = $1 LIMIT 1', [
    SEED_MARK,
  ]);
  const caseId = someCase[0]?.case_id ?? '00000000-0000-4000-8000-000000000000';
  const filters: Filter[] = [
    { label: 'all', query: {} },
    { label: 'status', query: { status: 'RECTIFYING' } },
    { label: 'unitId', query: { unitId: 'U-042' } },
    { label: 'overdue', query: { overdue: 'true' } },
    { label: 'escalationLevel', query: { escalationLevel: '2' } },
    { label: 'caseId', query: { caseId } },
    { label: 'unitId+status', query: { unitId: 'U-042', status: 'ASSIGNED' } },
    { label: 'status, page 40', query: { status: 'CLOSED', page: '40' } },
  ];
  say(
    `reads: GET /findings with ${filters.length} filters and GET /reports/summary, ${options.readSamples} times each, and the same SQL bare`,
  );
  const byFilter: ReadsResult['byFilter'] = [];
  /** Samples `filter` through the API as `who` and bare; its figures go to byFilter, its samples to `into`. */
  const measure = async (filter: Filter, into: { api: number[]; sql: number[] }, who?: { authorization: string }, within?: Within) => {
    const search = new URLSearchParams({ pageSize: '50', ...filter.query }).toString();
    const statements = listSql(filter, within);
    const bare = () => Promise.all([pool.query(statements.page, statements.pageParams), pool.query(statements.count, statements.params)]);
    let total = 0;
    let bareTotal = 0;
    for (let i = 0; i < 3; i++) {
      const warm = await api.get<{ total: number }>(`/findings?${search}`, who);
      if (warm.status !== 200)
        throw new Error(`GET /findings?${search} answered ${warm.status}: ${JSON.stringify(warm.body).slice(0, 300)}`);
      total = warm.body.total;
      bareTotal = Number((await bare())[1].rows[0]?.count);
    }
    // The bare statements must select what the API does, or the comparison means nothing (the last
    // warm-up decides: a finding projected between an earlier pair is no disagreement).
    if (bareTotal !== total) throw new Error(`GET /findings?${search} counts ${total}, its bare SQL ${bareTotal}`);
    const mine: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < options.readSamples; i++) {
      mine.push((await api.get(`/findings?${search}`, who)).ms);
      theirs.push(await timed(bare));
    }
    into.api.push(...mine);
    into.sql.push(...theirs);
    const plan = briefly(await explain(pool, statements));
    byFilter.push({ filter: filter.label, p50Ms: p50(mine), p99Ms: p99(mine), sqlP99Ms: p99(theirs), total, plan });
    return { total, statements };
  };

  const everything = { api: [] as number[], sql: [] as number[] };
  for (const filter of filters) await measure(filter, everything);

  // A supervisor of BENCH_OFFICE: every list carries the jurisdiction predicate.
  const within: Within = { unitIds: [...BENCH_OFFICE_SUPERVISES].sort(), trackingOfficeIds: [BENCH_OFFICE] };
  const scoped = supervisorOf(BENCH_OFFICE);
  const jurisdictionFilters: Filter[] = [
    { label: 'jurisdiction', query: {} },
    { label: 'jurisdiction+status', query: { status: 'RECTIFYING' } },
    { label: 'jurisdiction+unitId', query: { unitId: BENCH_OFFICE_SUPERVISES[0] } },
  ];
  say(
    `reads: GET /findings as a supervisor of ${BENCH_OFFICE} (supervises ${BENCH_OFFICE_SUPERVISES.length} units, tracks others' findings)`,
  );
  const inJurisdiction = { api: [] as number[], sql: [] as number[] };
  let jurisdictionTotal = 0;
  let explained: ReturnType<typeof listSql> | undefined;
  for (const filter of jurisdictionFilters) {
    const { total, statements } = await measure(filter, inJurisdiction, scoped, within);
    if (filter.query['status'] === undefined && filter.query['unitId'] === undefined) [jurisdictionTotal, explained] = [total, statements];
  }
  const plan = explained ? await explain(pool, explained) : [];
  const summary: number[] = [];
  const summarySql: number[] = [];
  for (let i = 0; i < 3; i++) await api.get('/reports/summary');
  for (let i = 0; i < options.readSamples; i++) {
    const answer = await api.get('/reports/summary');
    if (answer.status !== 200) throw new Error(`GET /reports/summary answered ${answer.status}`);
    summary.push(answer.ms);
    summarySql.push(await timed(() => pool.query(SUMMARY_SQL)));
  }
  return {
    rows,
    seedMs,
    listP50Ms: p50(everything.api),
    listP99Ms: p99(everything.api),
    sqlP50Ms: p50(everything.sql),
    sqlP99Ms: p99(everything.sql),
    summaryP50Ms: p50(summary),
    summaryP99Ms: p99(summary),
    summarySqlP99Ms: p99(summarySql),
    jurisdiction: {
      total: jurisdictionTotal,
      p50Ms: p50(inJurisdiction.api),
      p99Ms: p99(inJurisdiction.api),
      sqlP50Ms: p50(inJurisdiction.sql),
      sqlP99Ms: p99(inJurisdiction.sql),
      plan,
    },
    byFilter,
  };
}

/** An explained page and count in a line: each one's scans and its execution time. */
function briefly(plan: string[]): string {
  const parts: string[] = [];
  let scans: string[] = [];
  for (const line of plan) {
    const scan = /(\w+(?: \w+)* Scan(?: using \w+)?(?: on \w+)?)/.exec(line);
    if (scan && line.includes('->')) scans.push(scan[1]);
    const time = /Execution Time: ([\d.]+) ms/.exec(line);
    if (time) {
      parts.push(`${[...new Set(scans)].join(' + ')} ${time[1]} ms`);
      scans = [];
    }
  }
  return parts.join('; ');
}

/** How PostgreSQL runs the page and the count of a list: EXPLAIN (ANALYZE, BUFFERS), one line per plan line. */
async function explain(pool: Pool, statements: ReturnType<typeof listSql>): Promise<string[]> {
  const lines: string[] = [];
  for (const [label, sql, params] of [
    ['page', statements.page, statements.pageParams],
    ['count', statements.count, statements.params],
  ] as const) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...params]);
    lines.push(`${label}:`, ...rows.map((row) => `  ${row['QUERY PLAN']}`));
  }
  return lines;
}
