import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Remembers which case an actor's Idempotency-Key opened, so a resent request opens nothing new. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_keys' })
  actor: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_keys' })
  key: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
