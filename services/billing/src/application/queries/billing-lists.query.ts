import { Inject, Injectable } from '@nestjs/common';
import { BILLING_READ_MODEL, type BillingReadModel } from '../ports/billing-read-model.port';
import type { BillingOverview } from '../projections/billing-overview/billing-overview.read-model';

/** Lists from the read models. */
@Injectable()
export class BillingLists {
  constructor(@Inject(BILLING_READ_MODEL) private readonly readModel: BillingReadModel) {}

  ofAgency(agencyId: string): Promise<BillingOverview[]> {
    return this.readModel.ofAgency(agencyId);
  }
}
