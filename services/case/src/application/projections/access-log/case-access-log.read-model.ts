import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One read of a case's sealed content, from its access log (`access-<caseId>`): who, when, which fields (names
 * only, never content) and the reason they stated. The agency comes from the case's `legal_clocks` row.
 */
@Entity({ name: 'case_access_log' })
@Index('case_access_log_case', ['caseId', 'readAt'])
export class CaseAccessRead {
  /** The event's position in the store: unique, and the order of the log. */
  @PrimaryColumn('bigint') position!: string;
  @Column('uuid') caseId!: string;
  @Column('text') actor!: string;
  @Column('timestamptz') readAt!: Date;
  /** The stated reason; null for reads logged before reasons were asked. */
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { array: true }) fields!: string[];
}
