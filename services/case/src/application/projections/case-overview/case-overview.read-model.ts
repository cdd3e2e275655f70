import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A case as a coordinator may see it: metadata only, never content or anything about the reporter. */
@Entity({ name: 'case_overview' })
export class CaseOverview {
  @PrimaryColumn('uuid') caseId!: string;
  @Index() @Column('uuid') agencyId!: string;
  @Column('uuid') organisationId!: string;
  @Column('text') theme!: string;
  @Index() @Column('text') status!: string;
  @Index() @Column('uuid', { nullable: true }) advisorId!: string | null;
  @Column('timestamptz') receivedAt!: Date;
  @Column('timestamptz', { nullable: true }) acknowledgedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt!: Date | null;
  /** The advisor a handover is offered to, until they answer (the case stays with `advisorId` meanwhile). */
  @Index() @Column('uuid', { nullable: true }) handoverTo!: string | null;
  /** What the reporter asked for at intake; null for cases opened before it was kept. */
  @Column('text', { nullable: true }) language!: string | null;
  @Column('text', { nullable: true }) preferredAdvisorGender!: string | null;
  @Column('text', { nullable: true }) preferredAdvisorKind!: string | null;
}
