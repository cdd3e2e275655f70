import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Regime } from '../../../domain/case/case.values';

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
  /** `wbk` (the law) or `service-standard` (the agency's own standard): from the theme, `wbk` once a formal report. */
  @Column('text', { default: 'service-standard' }) regime!: Regime;
  /** When the reporter withdrew or the case was erased: a clock not due by then stopped. */
  @Column('timestamptz', { nullable: true }) stoppedAt!: Date | null;
  /** False once the clocks stopped (withdrawal, erasure): the watch no longer looks at it. A closure stops nothing. */
  @Column('boolean', { default: true }) active!: boolean;
}
