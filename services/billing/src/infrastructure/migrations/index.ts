import { BillingReadModels1796600000000 } from './1796600000000-billing-read-models';
import { SubscriptionVersion1796600000075 } from './1796600000075-subscription-version';

/** Every read-model migration of billing, in order (the module and the benchmark apply the same). */
export const BILLING_MIGRATIONS = [BillingReadModels1796600000000, SubscriptionVersion1796600000075];
