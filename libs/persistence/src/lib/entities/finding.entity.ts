import type { Accountability, ApprovalKind, FindingStatus } from '@reform/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/** 问题 / 整改事项 — the read-model row of a finding; one row per finding in the ledger (台账). */
@Entity('findings')
@Index('ix_findings_case_id', ['caseId'])
@Index('ix_findings_unit_id_status', ['unitId', 'status'])
@Index('ix_findings_status_due_at', ['status', 'dueAt'])
@Index('ix_findings_escalation_level', ['escalationLevel'])
@Index('ix_findings_overdue_due_at', ['dueAt'], { where: 'overdue' })
@Index('ix_findings_pending_since', ['pendingSince'], { where: 'pending_approval IS NOT NULL' })
@Index('ix_findings_created_at_id', ['createdAt', 'id'])
export class FindingEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_findings' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_findings_case' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ name: 'unit_id', type: 'text' })
  unitId: string;

  @Column({ name: 'responsible_person', type: 'text', nullable: true })
  responsiblePerson: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  status: FindingStatus;

  @Column({ type: 'boolean' })
  overdue: boolean;

  @Column({ name: 'escalation_level', type: 'int' })
  escalationLevel: number;

  @Column({ type: 'text' })
  accountability: Accountability;

  @Column({ name: 'pending_approval', type: 'text', nullable: true })
  pendingApproval: ApprovalKind | null;

  @Column({ name: 'pending_since', type: 'timestamptz', nullable: true })
  pendingSince: Date | null;

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
