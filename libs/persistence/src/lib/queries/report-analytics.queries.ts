import type { AgeingBuckets, CloseTimes, OverdueAgeing, TimeToClose, TrendMonth } from '@reform/contracts';
import type { DataSource } from 'typeorm';
import { WhereClause, type FindingSlice } from './sql-support';

export interface TrendRequest {
  /** First and last month, YYYY-MM, counted in `timeZone`. */
  fromMonth: string;
  toMonth: string;
  timeZone: string;
  slice?: FindingSlice;
}

const MONTHS_SQL = `
  WITH bounds AS (
    SELECT $1::date AS first_month, $2::date AS last_month,
           ($1::date)::timestamp AT TIME ZONE $3 AS starts, ($2::date + interval '1 month')::timestamp AT TIME ZONE $3 AS ends
  ),
  months AS (SELECT generate_series(first_month, last_month, interval '1 month')::date AS month FROM bounds),
  opened AS (
    SELECT date_trunc('month', f.created_at AT TIME ZONE $3)::date AS month, count(*) AS n
    FROM findings f, bounds b WHERE f.created_at >= b.starts AND f.created_at < b.ends UNIT GROUP BY 1
  ),
  closed AS (
    SELECT date_trunc('month', f.closed_at AT TIME ZONE $3)::date AS month, count(*) AS n
    FROM findings f, bounds b WHERE f.closed_at >= b.starts AND f.closed_at < b.ends UNIT GROUP BY 1
  ),
  overdue AS (
    SELECT date_trunc('month', e.at AT TIME ZONE $3)::date AS month, count(DISTINCT e.entity_id) AS n
    FROM events e JOIN findings f ON f.id = e.entity_id, bounds b
    WHERE e.type = 'OVERDUE' AND e.at >= b.starts AND e.at < b.ends UNIT GROUP BY 1
  )
  SELECT to_char(m.month, 'YYYY-MM') AS month, coalesce(o.n, 0) AS opened, coalesce(c.n, 0) AS closed, coalesce(d.n, 0) AS overdue
  FROM months m LEFT JOIN opened o USING (month) LEFT JOIN closed c USING (month) LEFT JOIN overdue d USING (month)
  ORDER BY m.month`;

const BUCKETS_SQL = `count(*) FILTER (WHERE age <= 7) AS up_to_7,
  count(*) FILTER (WHERE age > 7 AND age <= 30) AS up_to_30,
  count(*) FILTER (WHERE age > 30 AND age <= 90) AS up_to_90,
  count(*) FILTER (WHERE age > 90) AS over_90,
  count(*) AS total`;

const PERCENTILES_SQL = `count(*) AS closed,
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric, 2) AS p50,
  round(percentile_cont(0.75) WITHIN GROUP (ORDER BY days)::numeric, 2) AS p75,
  round(percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::numeric, 2) AS p90`;

type Counted = Record<'up_to_7' | 'up_to_30' | 'up_to_90' | 'over_90' | 'total', string>;
type Percentiles = { closed: string; p50: string | null; p75: string | null; p90: string | null };

const buckets = (row: Counted | undefined): AgeingBuckets => ({
  upTo7: Number(row?.up_to_7 ?? 0),
  upTo30: Number(row?.up_to_30 ?? 0),
  upTo90: Number(row?.up_to_90 ?? 0),
  over90: Number(row?.over_90 ?? 0),
  total: Number(row?.total ?? 0),
});
const orNull = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));
const closeTimes = (row: Percentiles | undefined): CloseTimes => ({
  closed: Number(row?.closed ?? 0),
  p50Days: orNull(row?.p50),
  p75Days: orNull(row?.p75),
  p90Days: orNull(row?.p90),
});

/** The reports beyond the summary, each one SQL statement over findings (and events for the trend). */
export class ReportAnalyticsQueries {
  constructor(private readonly db: DataSource) {}

  async trend(request: TrendRequest): Promise<TrendMonth[]> {
    const where = new WhereClause();
    where.params.push(`${request.fromMonth}-01`, `${request.toMonth}-01`, request.timeZone);
    where.add((p) => `f.unit_id = ${p}`, request.slice?.unitId).within(request.slice?.within, 'f.');
    const rows: Array<Record<keyof TrendMonth, string>> = await this.db.query(MONTHS_SQL.replaceAll('UNIT', where.andSql()), where.params);
    return rows.map((row) => ({ month: row.month, opened: Number(row.opened), closed: Number(row.closed), overdue: Number(row.overdue) }));
  }

  /** Overdue findings not yet closed, by days past their deadline at `asOf`: ≤7, ≤30, ≤90, >90. */
  async overdueAgeing(asOf: string, slice: FindingSlice = {}): Promise<OverdueAgeing> {
    const where = new WhereClause()
      .always('overdue')
      .always(`status <> 'CLOSED'`)
      .add((p) => `unit_id = ${p}`, slice.unitId)
      .within(slice.within);
    const asOfParam = `$${where.params.length + 1}`;
    const rows: Array<Counted & { unit_id: string | null; overall: boolean }> = await this.db.query(
      `SELECT unit_id, GROUPING(unit_id) = 1 AS overall, ${BUCKETS_SQL}
       FROM (SELECT unit_id, extract(epoch FROM (${asOfParam}::timestamptz - due_at)) / 86400 AS age FROM findings ${where.toSql()}) aged
       GROUP BY GROUPING SETS ((unit_id), ()) ORDER BY unit_id`,
      [...where.params, asOf],
    );
    return {
      asOf,
      ...buckets(rows.find((row) => row.overall)),
      byUnit: rows.filter((row) => !row.overall).map((row) => ({ unitId: row.unit_id as string, ...buckets(row) })),
    };
  }

  /** Percentiles of days from recording to close-out, for findings closed within `closed`. */
  async timeToClose(closed: { from?: string; before?: string }, slice: FindingSlice = {}): Promise<TimeToClose> {
    const where = new WhereClause()
      .always(`status = 'CLOSED'`)
      .always('closed_at IS NOT NULL')
      .add((p) => `closed_at >= ${p}`, closed.from)
      .add((p) => `closed_at < ${p}`, closed.before)
      .add((p) => `unit_id = ${p}`, slice.unitId)
      .within(slice.within);
    const rows: Array<Percentiles & { unit_id: string | null; overall: boolean }> = await this.db.query(
      `SELECT unit_id, GROUPING(unit_id) = 1 AS overall, ${PERCENTILES_SQL}
       FROM (SELECT unit_id, extract(epoch FROM (closed_at - created_at)) / 86400 AS days FROM findings ${where.toSql()}) closed
       GROUP BY GROUPING SETS ((unit_id), ()) ORDER BY unit_id`,
      where.params,
    );
    return {
      ...closeTimes(rows.find((row) => row.overall)),
      byUnit: rows.filter((row) => !row.overall).map((row) => ({ unitId: row.unit_id as string, ...closeTimes(row) })),
    };
  }
}
