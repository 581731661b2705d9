import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, findings, their events, the notification outbox and idempotency keys. */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_codes (
        year int NOT NULL CONSTRAINT pk_case_codes PRIMARY KEY,
        last_number int NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid NOT NULL CONSTRAINT pk_cases PRIMARY KEY,
        code text NOT NULL CONSTRAINT uq_cases_code UNIQUE,
        title text NOT NULL,
        summary text NOT NULL,
        source text NOT NULL,
        status text NOT NULL,
        opened_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_cases_status_created_at ON cases (status, created_at)`);
    await queryRunner.query(`
      CREATE TABLE findings (
        id uuid NOT NULL CONSTRAINT pk_findings PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT fk_findings_case REFERENCES cases (id),
        title text NOT NULL,
        description text NOT NULL,
        category text NULL,
        unit_id text NOT NULL,
        responsible_person text NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL,
        overdue boolean NOT NULL,
        escalation_level int NOT NULL,
        accountability text NOT NULL,
        pending_approval text NULL,
        pending_since timestamptz NULL,
        opened_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_findings_case_id ON findings (case_id)`);
    await queryRunner.query(`CREATE INDEX ix_findings_unit_id_status ON findings (unit_id, status)`);
    await queryRunner.query(`CREATE INDEX ix_findings_status_due_at ON findings (status, due_at)`);
    await queryRunner.query(`CREATE INDEX ix_findings_escalation_level ON findings (escalation_level)`);
    await queryRunner.query(`CREATE INDEX ix_findings_overdue_due_at ON findings (due_at) WHERE overdue`);
    await queryRunner.query(`CREATE INDEX ix_findings_pending_since ON findings (pending_since) WHERE pending_approval IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_findings_created_at_id ON findings (created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE events (
        id bigserial NOT NULL CONSTRAINT pk_events PRIMARY KEY,
        entity_id uuid NOT NULL,
        entity_type text NOT NULL,
        case_id uuid NOT NULL,
        seq int NOT NULL,
        type text NOT NULL,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT uq_events_entity_id_seq UNIQUE (entity_id, seq)
      )`);
    await queryRunner.query(`CREATE INDEX ix_events_at_id ON events (at, id)`);
    await queryRunner.query(`CREATE INDEX ix_events_type_at ON events (type, at)`);
    await queryRunner.query(`CREATE INDEX ix_events_case_id ON events (case_id)`);
    await queryRunner.query(`
      CREATE TABLE notifications (
        key text NOT NULL CONSTRAINT pk_notifications PRIMARY KEY,
        kind text NOT NULL,
        finding_id uuid NOT NULL,
        case_id uuid NOT NULL,
        recipient jsonb NOT NULL,
        subject text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        status text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        last_error text NULL,
        delivered_at timestamptz NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_notifications_pending_created_at ON notifications (created_at) WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        actor text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        case_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (actor, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'notifications', 'events', 'findings', 'cases', 'case_codes']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
