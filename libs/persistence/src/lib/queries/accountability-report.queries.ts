import type { DataSource } from 'typeorm';
import { ALL_ACCOUNTABILITY_FORMS, FOUR_FORMS, type AccountabilityReport } from '@reform/contracts';
import type { TimeRange } from './ledger.queries';
import { WhereClause, type FindingSlice } from './sql-support';

/** What the accountability report counts: a period (each count by its own date), of one unit or all, within the jurisdictions given. */
export interface AccountabilityReportFilter extends FindingSlice {
  period?: TimeRange;
}

type Counts = Omit<AccountabilityReport, 'from' | 'to'>;
type UnitRow = { unit_id: string; unit_name: string | null };

function inPeriod(where: WhereClause, column: string, period: TimeRange | undefined): WhereClause {
  return where.add((p) => `${column} >= ${p}`, period?.from).add((p) => `${column} < ${p}`, period?.before);
}

/** A slice of `alias`'s rows (findings `f.`, interviews `i.`: both have unit_id and tracking_office_id). */
function sliced(filter: AccountabilityReportFilter, alias: string): WhereClause {
  return new WhereClause().add((p) => `${alias}unit_id = ${p}`, filter.unitId).within(filter.within, alias);
}

/**
 * 约谈 and 问责 statistics, counted in SQL: interviews by when they were proposed; referrals and
 * rejections by their events' time; outcomes (问责结果) by their decision date.
 */
export class AccountabilityReportQueries {
  constructor(private readonly db: DataSource) {}

  async report(filter: AccountabilityReportFilter): Promise<Counts> {
    const [interviews, decisions, outcomes] = await Promise.all([this.interviews(filter), this.decisions(filter), this.outcomes(filter)]);
    const byForm: Record<string, number> = Object.fromEntries(ALL_ACCOUNTABILITY_FORMS.map((form) => [form, 0]));
    const byFourForm = Object.fromEntries(FOUR_FORMS.map((n) => [String(n), 0])) as Counts['accountability']['byFourForm'];
    const units = new Map<string, Counts['byUnit'][number]>();
    const unit = (row: UnitRow) => {
      const known = units.get(row.unit_id) ?? { unitId: row.unit_id, unitName: row.unit_name, interviews: 0, decided: 0 };
      units.set(row.unit_id, known);
      return known;
    };
    const totals = { proposed: 0, held: 0, overdue: 0 };
    for (const row of interviews) {
      const [proposed, held, overdue] = [Number(row.proposed), Number(row.held), Number(row.overdue)];
      totals.proposed += proposed;
      totals.held += held;
      totals.overdue += overdue;
      unit(row).interviews += proposed;
    }
    let decided = 0;
    for (const row of outcomes) {
      const count = Number(row.count);
      decided += count;
      byForm[row.form] = (byForm[row.form] ?? 0) + count;
      const fourForm = String(row.four_form) as keyof typeof byFourForm;
      byFourForm[fourForm] = (byFourForm[fourForm] ?? 0) + count;
      unit(row).decided += count;
    }
    const decisionsOf = (type: string) => Number(decisions.find((row) => row.type === type)?.count ?? 0);
    return {
      interviews: totals,
      accountability: {
        referred: decisionsOf('ACCOUNTABILITY_REFERRED'),
        rejected: decisionsOf('ACCOUNTABILITY_REJECTED'),
        decided,
        byForm,
        byFourForm,
      },
      byUnit: [...units.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)),
    };
  }

  /** Interviews proposed in the period, by unit: how many, how many since held, how many overdue. */
  private interviews(filter: AccountabilityReportFilter): Promise<Array<UnitRow & { proposed: string; held: string; overdue: string }>> {
    const where = inPeriod(sliced(filter, 'i.'), 'i.proposed_at', filter.period);
    return this.db.query(
      `SELECT i.unit_id, u.name AS unit_name, count(*) AS proposed,
         count(*) FILTER (WHERE i.status = 'HELD') AS held, count(*) FILTER (WHERE i.overdue) AS overdue
       FROM interviews i LEFT JOIN org_units u ON u.id = i.unit_id
       ${where.toSql()} GROUP BY i.unit_id, u.name`,
      where.params,
    );
  }

  /** Findings whose proposed accountability was referred or rejected in the period. */
  private decisions(filter: AccountabilityReportFilter): Promise<Array<{ type: string; count: string }>> {
    const where = inPeriod(
      sliced(filter, 'f.').always(`e.entity_type = 'finding'`).always(`e.type IN ('ACCOUNTABILITY_REFERRED', 'ACCOUNTABILITY_REJECTED')`),
      'e.at',
      filter.period,
    );
    return this.db.query(
      `SELECT e.type, count(DISTINCT e.entity_id) AS count FROM events e JOIN findings f ON f.id = e.entity_id
       ${where.toSql()} GROUP BY e.type`,
      where.params,
    );
  }

  /** Outcomes decided in the period, by unit, form and 形态. */
  private outcomes(filter: AccountabilityReportFilter): Promise<Array<UnitRow & { form: string; four_form: number; count: string }>> {
    const where = inPeriod(sliced(filter, 'f.').always('f.outcome_decided_at IS NOT NULL'), 'f.outcome_decided_at', filter.period);
    return this.db.query(
      `SELECT f.unit_id, u.name AS unit_name, f.outcome_form AS form, f.outcome_four_form AS four_form, count(*) AS count
       FROM findings f LEFT JOIN org_units u ON u.id = f.unit_id
       ${where.toSql()} GROUP BY f.unit_id, u.name, f.outcome_form, f.outcome_four_form`,
      where.params,
    );
  }
}
