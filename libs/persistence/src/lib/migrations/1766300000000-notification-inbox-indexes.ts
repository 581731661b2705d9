import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A supervisor's inbox and the outbox are confined to a jurisdiction: a notification's unit or its
 * tracking office. The unit has its index (1766200000000); this gives the tracking office one, so
 * that "within" is two index scans, not a scan of every notification.
 */
export class NotificationInboxIndexes1766300000000 implements MigrationInterface {
  name = 'NotificationInboxIndexes1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_notifications_tracking_office_created ON notifications (tracking_office_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_notifications_tracking_office_created`);
  }
}
