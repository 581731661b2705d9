import type { NotificationKind, Recipient } from '@reform/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type NotificationStatus = 'pending' | 'delivered' | 'recorded';

/** The notification outbox: `recorded` means there was nowhere to deliver it. */
@Entity('notifications')
@Index('ix_notifications_pending_created_at', ['createdAt'], { where: "status = 'pending'" })
export class NotificationEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_notifications' })
  key: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'jsonb' })
  recipient: Recipient;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'text' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
