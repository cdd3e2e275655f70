import type { BillingOverview } from '../projections/billing-overview/billing-overview.read-model';

/** What the use cases read from the read models; implemented with SQL in infrastructure. */
export interface BillingReadModel {
  ofAgency(agencyId: string): Promise<BillingOverview[]>;
}
export const BILLING_READ_MODEL = Symbol('BillingReadModel');
