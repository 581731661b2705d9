import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last case number handed out per year, so codes like ZG-2026-0001 run without gaps. */
@Entity('case_codes')
export class CaseCodeEntity {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_case_codes' })
  year: number;

  @Column({ name: 'last_number', type: 'int' })
  lastNumber: number;
}
