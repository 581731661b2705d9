import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 纪检监察建议书: one row per recommendation, written by its workflow (a newer `version` replaces
 * an older one); its findings name it, and notifications may concern a recommendation as a whole.
 */
export class Recommendations1765000000000 implements MigrationInterface {
  name = 'Recommendations1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recommendations (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        unit_id text NOT NULL,
        tracking_office_id text NOT NULL,
        doc_no text NULL,
        document_id uuid NULL,
        title text NOT NULL,
        cause_analysis text NOT NULL,
        measures text NOT NULL,
        reply_due_at timestamptz NOT NULL,
        status text NOT NULL,
        finding_ids jsonb NOT NULL,
        drafted_by text NOT NULL,
        return_comment text NULL,
        submitted_at timestamptz NULL,
        issued_at timestamptz NULL,
        receipt_due_at timestamptz NULL,
        receipt jsonb NULL,
        reply jsonb NULL,
        overdue_receipt boolean NOT NULL,
        overdue_reply boolean NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_recommendations_case_id ON recommendations (case_id)`);
    await queryRunner.query(`CREATE INDEX ix_recommendations_unit_status ON recommendations (unit_id, status)`);
    await queryRunner.query(`CREATE INDEX ix_recommendations_created ON recommendations (created_at DESC, id)`);
    await queryRunner.query(
      `CREATE INDEX ix_recommendations_pending_signoff ON recommendations (submitted_at) WHERE status = 'PENDING_SIGNOFF'`,
    );
    await queryRunner.query(`ALTER TABLE findings ADD COLUMN recommendation_id uuid NULL`);
    await queryRunner.query(
      `CREATE INDEX ix_findings_recommendation_id ON findings (recommendation_id) WHERE recommendation_id IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE notifications ALTER COLUMN finding_id DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN recommendation_id uuid NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notifications WHERE finding_id IS NULL`);
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN recommendation_id`);
    await queryRunner.query(`ALTER TABLE notifications ALTER COLUMN finding_id SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE findings DROP COLUMN recommendation_id`);
    await queryRunner.query(`DROP TABLE recommendations`);
  }
}
