import type { EntityType, EventType } from '@reform/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One append-only entry of a timeline and of the audit log, hash-chained per entity (see audit-chain.ts). */
@Entity('events')
@Unique('uq_events_entity_id_seq', ['entityId', 'seq'])
@Unique('uq_events_entity_id_chain_index', ['entityId', 'chainIndex'])
@Index('ix_events_at_id', ['at', 'id'])
@Index('ix_events_type_at', ['type', 'at'])
@Index('ix_events_case_id', ['caseId'])
export class EventEntity {
  // bigint arrives from pg as a string, so it stays one here.
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_events' })
  id: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: EntityType;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  type: EventType;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /** 1, 2, 3 … in the order this entity's events were stored. */
  @Column({ name: 'chain_index', type: 'int' })
  chainIndex: number;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
