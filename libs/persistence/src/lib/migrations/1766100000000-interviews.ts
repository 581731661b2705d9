import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 约谈: one interview per unit at a time (joined, not duplicated, by the overdue findings of a unit
 * that already has one open), and the findings each concerns. The same file, exactly, is on the
 * branch that builds interviews; the accountability report reads these tables.
 */
export class Interviews1766100000000 implements MigrationInterface {
  name = 'Interviews1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE interviews (
        id text PRIMARY KEY,
        unit_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'SCHEDULED', 'HELD')),
        proposed_at timestamptz NOT NULL,
        scheduled_at timestamptz,
        interviewer text,
        interviewee_name text,
        interviewee_tier text CHECK (interviewee_tier IN ('principal', 'deputy', 'direct')),
        held_at timestamptz,
        minutes text,
        statement text,
        evidence jsonb NOT NULL DEFAULT '[]',
        overdue boolean NOT NULL DEFAULT false,
        tracking_office_id text,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_interviews_unit_status ON interviews (unit_id, status)`);
    await queryRunner.query(`CREATE INDEX ix_interviews_proposed_at ON interviews (proposed_at)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX interviews_one_open_per_unit ON interviews (unit_id) WHERE status IN ('PROPOSED', 'SCHEDULED')`,
    );
    await queryRunner.query(`
      CREATE TABLE interview_findings (
        interview_id text NOT NULL REFERENCES interviews (id),
        finding_id text NOT NULL,
        joined_at timestamptz NOT NULL,
        PRIMARY KEY (interview_id, finding_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_interview_findings_finding_id ON interview_findings (finding_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE interview_findings`);
    await queryRunner.query(`DROP TABLE interviews`);
  }
}
