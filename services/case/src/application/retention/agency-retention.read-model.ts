import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How long an agency keeps a closed case before it is erased (GDPR storage limitation). */
@Entity({ name: 'agency_retention' })
export class AgencyRetention {
  @PrimaryColumn('uuid') agencyId!: string;
  @Column('int') monthsAfterClosure!: number;
}
