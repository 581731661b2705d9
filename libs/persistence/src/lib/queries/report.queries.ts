import type { DataSource } from 'typeorm';
import { FINDING_STATUSES, MAX_ESCALATION_LEVEL, type FindingsSummary, type FindingStatus, type UnitSummary } from '@reform/contracts';
import type { TimeRange } from './ledger.queries';
import { WhereClause, type Within } from './sql-support';

/** Which findings a report covers: recorded within `created`, of one unit. Empty means all. */
export interface ReportFilter {
  created?: TimeRange;
  unitId?: string;
  within?: Within[];
}

/** One group of findings sharing unit, status, level and overdue flag. */
export interface SummaryGroup {
  unitId: string;
  status: FindingStatus;
  escalationLevel: number;
  overdue: boolean;
  count: number;
}

export function summarise(groups: SummaryGroup[]): FindingsSummary {
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as Record<FindingStatus, number>;
  const byEscalationLevel: Record<string, number> = {};
  for (let level = 0; level <= MAX_ESCALATION_LEVEL; level++) byEscalationLevel[String(level)] = 0;
  const units = new Map<string, UnitSummary>();
  let total = 0;
  let overdue = 0;
  for (const group of groups) {
    total += group.count;
    byStatus[group.status] = (byStatus[group.status] ?? 0) + group.count;
    const level = String(group.escalationLevel);
    byEscalationLevel[level] = (byEscalationLevel[level] ?? 0) + group.count;
    if (group.overdue) overdue += group.count;
    const unit = units.get(group.unitId) ?? { unitId: group.unitId, total: 0, closed: 0, overdue: 0 };
    unit.total += group.count;
    if (group.status === 'CLOSED') unit.closed += group.count;
    if (group.overdue) unit.overdue += group.count;
    units.set(group.unitId, unit);
  }
  const rectificationRate = total === 0 ? 0 : Math.round((byStatus.CLOSED / total) * 10_000) / 10_000;
  return {
    findings: { total, byStatus, overdue, byEscalationLevel },
    rectificationRate,
    byUnit: [...units.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)),
  };
}

export class ReportQueries {
  constructor(private readonly db: DataSource) {}

  /** One grouped query, so every number in the summary comes from the same snapshot. */
  async summary(filter: ReportFilter = {}): Promise<FindingsSummary> {
    const where = new WhereClause()
      .add((p) => `created_at >= ${p}`, filter.created?.from)
      .add((p) => `created_at < ${p}`, filter.created?.before)
      .add((p) => `unit_id = ${p}`, filter.unitId)
      .within(filter.within);
    // Over all time, finding_counts (kept by triggers) already holds these groups, split by tracking office too.
    const counted = filter.created?.from === undefined && filter.created?.before === undefined;
    const rows: Array<{ unit_id: string; status: FindingStatus; escalation_level: number; overdue: boolean; count: string }> =
      await this.db.query(
        counted
          ? `SELECT unit_id, status, escalation_level, overdue, sum(n) AS count
             FROM finding_counts ${where.toSql()} GROUP BY unit_id, status, escalation_level, overdue HAVING sum(n) > 0`
          : `SELECT unit_id, status, escalation_level, overdue, count(*) AS count
             FROM findings ${where.toSql()} GROUP BY unit_id, status, escalation_level, overdue`,
        where.params,
      );
    return summarise(
      rows.map((row) => ({
        unitId: row.unit_id,
        status: row.status,
        escalationLevel: Number(row.escalation_level),
        overdue: row.overdue,
        count: Number(row.count),
      })),
    );
  }
}
