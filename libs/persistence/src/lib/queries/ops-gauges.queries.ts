import type { DataSource } from 'typeorm';

/** What one row of the gauges' statement counts; `key` is its one label value (a status, level, kind or channel). */
export type OpsGauge =
  | 'open_by_status'
  | 'open_by_level'
  | 'overdue'
  | 'approvals_past_sla'
  | 'deliveries_pending'
  | 'deliveries_failed'
  | 'oldest_pending_age_seconds';

export interface OpsGaugeRow {
  gauge: OpsGauge;
  key: string | null;
  value: number;
}

// One statement, so a scrape costs one round trip. The three counts over open findings are
// index-only scans of ix_findings_open (open rows only, however many are closed); the outbox's are
// confined to its pending and failed rows by their own indexes. Groups with no rows are absent:
// the caller reads them as 0.
const GAUGES_SQL = `
  SELECT 'open_by_status' AS gauge, status AS key, count(*)::float8 AS value
    FROM findings WHERE status <> 'CLOSED' GROUP BY status
  UNION ALL SELECT 'open_by_level', escalation_level::text, count(*)::float8
    FROM findings WHERE status <> 'CLOSED' GROUP BY escalation_level
  UNION ALL SELECT 'overdue', NULL, count(*)::float8
    FROM findings WHERE status <> 'CLOSED' AND overdue
  UNION ALL SELECT 'approvals_past_sla', 'finding', count(*)::float8
    FROM findings WHERE pending_approval IS NOT NULL AND pending_since <= $1
  UNION ALL SELECT 'approvals_past_sla', 'recommendation', count(*)::float8
    FROM recommendations WHERE status = 'PENDING_SIGNOFF' AND submitted_at <= $1
  UNION ALL SELECT 'deliveries_' || status, channel, count(*)::float8
    FROM notification_deliveries WHERE status IN ('pending', 'failed') GROUP BY status, channel
  UNION ALL SELECT 'oldest_pending_age_seconds', channel, extract(epoch FROM now() - min(created_at))::float8
    FROM notification_deliveries WHERE status = 'pending' GROUP BY channel`;

/** The business gauges of /metrics: open and overdue findings, approvals past their SLA, the outbox. */
export class OpsGaugeQueries {
  constructor(private readonly db: DataSource) {}

  /** `slaCutoff`: an approval pending since this instant or earlier is past its SLA. */
  async read(slaCutoff: Date): Promise<OpsGaugeRow[]> {
    return this.db.query<OpsGaugeRow[]>(GAUGES_SQL, [slaCutoff.toISOString()]);
  }
}
