import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A finding's key in finding_counts, from a findings row (or a transition table of them). */
const KEY = `unit_id, coalesce(tracking_office_id, '') AS tracking_office_id, status, overdue, escalation_level`;

/** Adds the net change of `changes` (KEY columns and n = ±1) to each key, in key order, skipping keys that net to zero. */
const upsertNet = (changes: string) =>
  `INSERT INTO finding_counts AS c (unit_id, tracking_office_id, status, overdue, escalation_level, n)
   SELECT unit_id, tracking_office_id, status, overdue, escalation_level, sum(n) FROM (${changes}) AS changes
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5
   ON CONFLICT (unit_id, tracking_office_id, status, overdue, escalation_level) DO UPDATE SET n = c.n + EXCLUDED.n`;

/**
 * The ledger's `total` (GET /findings) and the summary report counted the findings table on every
 * call: at 1,000,000 findings an index-only count of the whole ledger reads a million index
 * entries (~100 ms on 2 cores), far past the list's 20 ms goal. `finding_counts` keeps how many
 * findings share each (unit, tracking office, status, overdue, escalation level) — every column a
 * count without `caseId` or a date range filters on — so such a count sums a few hundred rows.
 *
 * Kept exact by statement-level triggers in the writing transaction: one upsert per statement with
 * the rows' net changes, in key order (so two writers lock counters in the same order), and none
 * for updates that move no finding between keys (most projections). `tracking_office_id` is ''
 * for none, so the key can be a primary key on any PostgreSQL version.
 */
export class FindingCounts1766500000000 implements MigrationInterface {
  name = 'FindingCounts1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE finding_counts (
        unit_id text NOT NULL,
        tracking_office_id text NOT NULL,
        status text NOT NULL,
        overdue boolean NOT NULL,
        escalation_level int NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (unit_id, tracking_office_id, status, overdue, escalation_level)
      )`);
    // PL/pgSQL plans a statement when it first runs it, so each branch may name only its event's transition tables.
    await queryRunner.query(`
      CREATE FUNCTION finding_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${upsertNet(`SELECT ${KEY}, 1 AS n FROM new_rows`)};
        ELSIF TG_OP = 'UPDATE' THEN
          ${upsertNet(`SELECT ${KEY}, 1 AS n FROM new_rows UNION ALL SELECT ${KEY}, -1 FROM old_rows`)};
        ELSIF TG_OP = 'DELETE' THEN
          ${upsertNet(`SELECT ${KEY}, -1 AS n FROM old_rows`)};
        ELSE
          DELETE FROM finding_counts;
        END IF;
        RETURN NULL;
      END $$`);
    // No writer between the first trigger and the counts of what is there (CREATE TRIGGER would lock them out too).
    await queryRunner.query('LOCK TABLE findings IN SHARE ROW EXCLUSIVE MODE');
    // Transition tables need one trigger per event.
    await queryRunner.query(
      `CREATE TRIGGER trg_finding_counts_insert AFTER INSERT ON findings REFERENCING NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION finding_counts_apply()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_finding_counts_update AFTER UPDATE ON findings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION finding_counts_apply()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_finding_counts_delete AFTER DELETE ON findings REFERENCING OLD TABLE AS old_rows
       FOR EACH STATEMENT EXECUTE FUNCTION finding_counts_apply()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_finding_counts_truncate AFTER TRUNCATE ON findings FOR EACH STATEMENT EXECUTE FUNCTION finding_counts_apply()`,
    );
    await queryRunner.query(`
      INSERT INTO finding_counts (unit_id, tracking_office_id, status, overdue, escalation_level, n)
      SELECT ${KEY}, count(*) FROM findings GROUP BY 1, 2, 3, 4, 5`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS trg_finding_counts_${event} ON findings`);
    }
    await queryRunner.query('DROP FUNCTION IF EXISTS finding_counts_apply()');
    await queryRunner.query('DROP TABLE IF EXISTS finding_counts');
  }
}
