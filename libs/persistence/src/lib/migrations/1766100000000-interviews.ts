import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 约谈: one row per interview, written by its unit's interview desk (a newer `version` replaces an
 * older one), the findings it concerns (each finding names its interview), and at most one open (PROPOSED or SCHEDULED) per unit.
 */
export class Interviews1766100000000 implements MigrationInterface {
  name = 'Interviews1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE interviews (
        id uuid PRIMARY KEY,
        unit_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'SCHEDULED', 'HELD')),
        proposed_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        scheduled_at timestamptz NULL,
        interviewer text NULL,
        interviewee_name text NULL,
        interviewee_tier text NULL CHECK (interviewee_tier IN ('principal', 'deputy', 'direct')),
        held_at timestamptz NULL,
        minutes text NULL,
        statement text NULL,
        evidence jsonb NOT NULL DEFAULT '[]',
        overdue boolean NOT NULL DEFAULT false,
        tracking_office_id text NULL,
        version int NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_interviews_unit_status ON interviews (unit_id, status)`);
    await queryRunner.query(`CREATE INDEX ix_interviews_proposed_at ON interviews (proposed_at DESC, id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX interviews_one_open_per_unit ON interviews (unit_id) WHERE status IN ('PROPOSED', 'SCHEDULED')`,
    );
    await queryRunner.query(`
      CREATE TABLE interview_findings (
        interview_id uuid NOT NULL REFERENCES interviews (id),
        finding_id uuid NOT NULL,
        joined_at timestamptz NOT NULL,
        PRIMARY KEY (interview_id, finding_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_interview_findings_finding ON interview_findings (finding_id)`);
    await queryRunner.query(`ALTER TABLE findings ADD COLUMN interview_id uuid NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM events WHERE entity_type = 'interview'`);
    await queryRunner.query(`ALTER TABLE findings DROP COLUMN interview_id`);
    await queryRunner.query(`DROP TABLE interview_findings`);
    await queryRunner.query(`DROP TABLE interviews`);
  }
}
