import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications that reach people: each records whom it reached (the registers as they stood),
 * its Chinese words and what it concerns; one delivery row per (notification, channel, person),
 * delivered in order per queue, retried until delivered or failed with its reason; read state per
 * person. Notifications recorded before keep a webhook delivery where they had one.
 */
export class NotificationDeliveries1766200000000 implements MigrationInterface {
  name = 'NotificationDeliveries1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications ALTER COLUMN case_id DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE notifications
        ADD COLUMN interview_id uuid NULL,
        ADD COLUMN unit_id text NULL,
        ADD COLUMN tracking_office_id text NULL,
        ADD COLUMN title text NULL,
        ADD COLUMN body text NULL,
        ADD COLUMN recipients jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`
      UPDATE notifications n SET unit_id = f.unit_id, tracking_office_id = f.tracking_office_id
      FROM findings f WHERE f.id = n.finding_id`);
    await queryRunner.query(`
      UPDATE notifications n SET unit_id = r.unit_id, tracking_office_id = r.tracking_office_id
      FROM recommendations r WHERE n.finding_id IS NULL AND r.id = n.recommendation_id`);
    await queryRunner.query(`UPDATE notifications SET interview_id = (data->>'interviewId')::uuid WHERE data ? 'interviewId'`);
    await queryRunner.query(`CREATE INDEX ix_notifications_unit_created ON notifications (unit_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX ix_notifications_created ON notifications (created_at DESC, key)`);
    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        id bigserial PRIMARY KEY,
        notification_key text NOT NULL REFERENCES notifications (key),
        channel text NOT NULL CHECK (channel IN ('inbox', 'email', 'wecom', 'webhook')),
        person_id text NULL,
        address text NULL,
        queue text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text NULL,
        next_attempt_at timestamptz NULL,
        leased_until timestamptz NULL,
        delivered_at timestamptz NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX ux_deliveries_one_per_recipient ON notification_deliveries (notification_key, channel, coalesce(person_id, ''))`,
    );
    await queryRunner.query(`CREATE INDEX ix_deliveries_queue_pending ON notification_deliveries (queue, id) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX ix_deliveries_status_id ON notification_deliveries (status, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX ix_deliveries_person ON notification_deliveries (person_id, notification_key) WHERE channel = 'inbox'`,
    );
    await queryRunner.query(`
      INSERT INTO notification_deliveries (notification_key, channel, queue, status, attempts, last_error, delivered_at, created_at)
      SELECT key, 'webhook', 'webhook:' || key, status, attempts, last_error, delivered_at, created_at
      FROM notifications WHERE status IN ('pending', 'delivered')`);
    await queryRunner.query(`
      CREATE TABLE notification_reads (
        notification_key text NOT NULL REFERENCES notifications (key),
        person_id text NOT NULL,
        read_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, notification_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_reads`);
    await queryRunner.query(`DROP TABLE notification_deliveries`);
    await queryRunner.query(`DROP INDEX ix_notifications_created`);
    await queryRunner.query(`DROP INDEX ix_notifications_unit_created`);
    await queryRunner.query(`
      ALTER TABLE notifications
        DROP COLUMN interview_id, DROP COLUMN unit_id, DROP COLUMN tracking_office_id,
        DROP COLUMN title, DROP COLUMN body, DROP COLUMN recipients`);
    await queryRunner.query(`DELETE FROM notifications WHERE case_id IS NULL`);
    await queryRunner.query(`ALTER TABLE notifications ALTER COLUMN case_id SET NOT NULL`);
  }
}
