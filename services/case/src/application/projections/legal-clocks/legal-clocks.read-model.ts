import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The legal deadlines of a case: due dates and when each step was taken. States follow from these and 'now'. */
@Entity({ name: 'legal_clocks' })
export class LegalClock {
  @PrimaryColumn('uuid') caseId!: string;
  @Index() @Column('uuid') agencyId!: string;
  @Index() @Column('uuid', { nullable: true }) advisorId!: string | null;
  @Column('timestamptz') receivedAt!: Date;
  @Column('timestamptz') acknowledgementDueAt!: Date;
  @Column('timestamptz', { nullable: true }) acknowledgedAt!: Date | null;
  @Column('timestamptz') feedbackDueAt!: Date;
  @Column('timestamptz', { nullable: true }) feedbackAt!: Date | null;
  @Column('boolean', { default: false }) acknowledgementMissed!: boolean;
  @Column('boolean', { default: false }) feedbackMissed!: boolean;
  /** False once closed or erased: the watch no longer looks at it. */
  @Column('boolean', { default: true }) active!: boolean;
}
