import type { CaseSource, CaseStatus } from '@reform/contracts';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** 案件 — the read-model row of a case. */
@Entity('cases')
@Unique('uq_cases_code', ['code'])
@Index('ix_cases_status_created_at', ['status', 'createdAt'])
export class CaseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_cases' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  source: CaseSource;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ name: 'opened_by', type: 'text' })
  openedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int' })
  version: number;
}
