import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 问责结果: the outcome of a referred accountability, as the body with authority decided it, kept on
 * the finding's row (one outcome per finding) and written by its projection. The accountability
 * report counts outcomes by `outcome_decided_at`, hence its index.
 */
export class AccountabilityOutcomes1766000000000 implements MigrationInterface {
  name = 'AccountabilityOutcomes1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE findings
        ADD COLUMN outcome_target text NULL CHECK (outcome_target IN ('organisation', 'leader')),
        ADD COLUMN outcome_person_name text NULL,
        ADD COLUMN outcome_form text NULL,
        ADD COLUMN outcome_decided_by text NULL,
        ADD COLUMN outcome_doc_no text NULL,
        ADD COLUMN outcome_decided_at timestamptz NULL,
        ADD COLUMN outcome_four_form int NULL CHECK (outcome_four_form BETWEEN 1 AND 4)`);
    await queryRunner.query(
      `CREATE INDEX ix_findings_outcome_decided_at ON findings (outcome_decided_at) WHERE outcome_decided_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ix_findings_outcome_decided_at`);
    await queryRunner.query(`
      ALTER TABLE findings
        DROP COLUMN outcome_four_form,
        DROP COLUMN outcome_decided_at,
        DROP COLUMN outcome_doc_no,
        DROP COLUMN outcome_decided_by,
        DROP COLUMN outcome_form,
        DROP COLUMN outcome_person_name,
        DROP COLUMN outcome_target`);
  }
}
