import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reconciliation runs (对账) and the drift each one found, for GET /ops/reconciliation. */
export class Reconciliation1764600000000 implements MigrationInterface {
  name = 'Reconciliation1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reconciliation_runs (
        id text NOT NULL CONSTRAINT pk_reconciliation_runs PRIMARY KEY,
        status text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NULL,
        findings_checked int NOT NULL DEFAULT 0,
        cases_checked int NOT NULL DEFAULT 0,
        workflows_checked int NOT NULL DEFAULT 0,
        in_flight int NOT NULL DEFAULT 0,
        error text NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_reconciliation_runs_started_at ON reconciliation_runs (started_at)`);
    await queryRunner.query(`
      CREATE TABLE reconciliation_drifts (
        run_id text NOT NULL CONSTRAINT fk_reconciliation_drifts_run REFERENCES reconciliation_runs (id) ON DELETE CASCADE,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        kind text NOT NULL,
        detail text NOT NULL,
        repaired boolean NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_reconciliation_drifts PRIMARY KEY (run_id, entity_id, kind)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reconciliation_drifts');
    await queryRunner.query('DROP TABLE reconciliation_runs');
  }
}
