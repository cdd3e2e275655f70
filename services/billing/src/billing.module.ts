import { Module } from '@nestjs/common';
import { OutboxRelayLifecycle, provideReadModels } from '@vertrouwd/service-kit';
import { BillingHttpController } from './api/http/billing.http.controller';
import { BillingRepository } from './application/billing.repository';
import { BillingWork } from './application/billing-work';
import { CloseBillingHandler } from './application/close-billing/close-billing.handler';
import { OpenBillingHandler } from './application/open-billing/open-billing.handler';
import { BILLING_READ_MODEL } from './application/ports/billing-read-model.port';
import { BillingOverviewProjector } from './application/projections/billing-overview/billing-overview.projector';
import { BillingOverview } from './application/projections/billing-overview/billing-overview.read-model';
import { BillingLists } from './application/queries/billing-lists.query';
import { SqlBillingReadModel } from './infrastructure/billing-read-model.sql';
import { BillingReadModels1796501161608 } from './infrastructure/migrations/1796501161608-billing-read-models';

/** Wires the service: its read models and projections, the read-model port to its SQL, handlers, API, outbox relay. */
@Module({
  controllers: [BillingHttpController],
  providers: [
    ...provideReadModels({
      entities: [BillingOverview],
      migrations: [BillingReadModels1796501161608],
      projectors: [new BillingOverviewProjector()],
    }),
    SqlBillingReadModel,
    { provide: BILLING_READ_MODEL, useExisting: SqlBillingReadModel },
    BillingRepository,
    BillingWork,
    OpenBillingHandler,
    CloseBillingHandler,
    BillingLists,
    OutboxRelayLifecycle,
  ],
})
export class BillingModule {}
