import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type { BillingReadModel } from '../application/ports/billing-read-model.port';
import { BillingOverview } from '../application/projections/billing-overview/billing-overview.read-model';

/** The read-model port, through the kit's TypeORM data source on the service's own database. */
@Injectable()
export class SqlBillingReadModel implements BillingReadModel {
  constructor(private readonly readModels: ReadModels) {}

  ofAgency(agencyId: string): Promise<BillingOverview[]> {
    return this.readModels.dataSource.manager.find(BillingOverview, { where: { agencyId }, order: { openedAt: 'ASC' } });
  }
}
