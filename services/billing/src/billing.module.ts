import { Module } from '@nestjs/common';
import { OutboxRelayLifecycle, provideReadModels } from '@vertrouwd/service-kit';
import { AgencyBillingHttpController } from './api/http/agency-billing.http.controller';
import { EmployerBillingHttpController } from './api/http/employer-billing.http.controller';
import { BillingCommands } from './application/billing.commands';
import { BillingQueries } from './application/billing.queries';
import { AccountWork, BillingAccounts, InvoiceSeriesStreams, SubscriptionWork, Subscriptions } from './application/billing.repositories';
import { CreditNotes } from './application/credit-notes';
import { OrganisationDirectoryListener, UsageListener } from './application/integration/billing.listeners';
import { InvoiceRuns } from './application/invoice-runs';
import { BILLING_READS } from './application/ports/billing-reads.port';
import { DOCUMENT_RENDERER } from './application/ports/document-renderer.port';
import { BillingProjector } from './application/projections/billing.projector';
import { SqlBillingReads } from './infrastructure/billing-reads.sql';
import { ExportsRenderer } from './infrastructure/document-renderer';
import { BILLING_MIGRATIONS } from './infrastructure/migrations';

/** Wires the service: read models and projection, listeners for facts, ports → SQL and the exports, the API. */
@Module({
  controllers: [AgencyBillingHttpController, EmployerBillingHttpController],
  providers: [
    ...provideReadModels({ entities: [], migrations: BILLING_MIGRATIONS, projectors: [new BillingProjector()] }),
    { provide: BILLING_READS, useClass: SqlBillingReads },
    { provide: DOCUMENT_RENDERER, useClass: ExportsRenderer },
    BillingAccounts,
    Subscriptions,
    InvoiceSeriesStreams,
    AccountWork,
    SubscriptionWork,
    BillingCommands,
    InvoiceRuns,
    CreditNotes,
    BillingQueries,
    OrganisationDirectoryListener,
    UsageListener,
    OutboxRelayLifecycle,
  ],
})
export class BillingModule {}
