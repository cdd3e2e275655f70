import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A billing as a list shows it. Its table is created by a migration in infrastructure/migrations. */
@Entity({ name: 'billing_overview' })
export class BillingOverview {
  @PrimaryColumn('uuid') billingId!: string;
  @Index() @Column('uuid') agencyId!: string;
  @Column('text') status!: string;
  @Column('timestamptz') openedAt!: Date;
  @Column('timestamptz', { nullable: true }) closedAt!: Date | null;
}
