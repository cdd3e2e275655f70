import { Inject, Injectable } from '@nestjs/common';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { AggregateRepository, type EventStore } from '@vertrouwd/event-sourcing';
import { CONTRACTS, EVENT_STORE } from '@vertrouwd/runtime';
import { CommandRunner } from '@vertrouwd/service-kit';
import { BillingAccount } from '../domain/account/billing-account.aggregate';
import type { BillingAccountEvent } from '../domain/account/billing-account.events';
import { BillingAccountNotFoundError, SubscriptionNotFoundError } from '../domain/billing.errors';
import { InvoiceSeries } from '../domain/invoices/invoice-series.aggregate';
import type { InvoiceSeriesEvent } from '../domain/invoices/invoice-series.events';
import { Subscription } from '../domain/subscription/subscription.aggregate';
import type { SubscriptionEvent } from '../domain/subscription/subscription.events';
import { subscriptionsWithOutbox } from './integration/subscription.translator';

// Billing publishes one integration event: that a subscription (the written agreement) started, changed or ended
// (`billing.subscription-published.v1`). Accounts, prices and invoices stay in billing.

/** Billing accounts in streams `billingaccount-<agencyId>`. */
@Injectable()
export class BillingAccounts extends AggregateRepository<BillingAccountEvent, BillingAccount> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { category: 'billingaccount', create: () => new BillingAccount() });
  }
}

/** Subscriptions in streams `subscription-<organisationId>`. */
@Injectable()
export class Subscriptions extends AggregateRepository<SubscriptionEvent, Subscription> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { category: 'subscription', create: () => new Subscription() });
  }
}

/** Invoice series in streams `invoiceseries-<agencyId>.<year>`. */
@Injectable()
export class InvoiceSeriesStreams extends AggregateRepository<InvoiceSeriesEvent, InvoiceSeries> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { category: 'invoiceseries', create: (id) => new InvoiceSeries(id) });
  }
}

@Injectable()
export class AccountWork extends CommandRunner<BillingAccount, BillingAccountEvent> {
  constructor(repository: BillingAccounts, @Inject(CONTRACTS) contracts: ContractRegistry) {
    super({
      aggregates: repository,
      translate: () => [],
      contracts,
      tenantOf: (a) => a.state.agencyId,
      notFound: () => new BillingAccountNotFoundError(),
    });
  }
}

@Injectable()
export class SubscriptionWork extends CommandRunner<Subscription, SubscriptionEvent> {
  constructor(repository: Subscriptions, @Inject(CONTRACTS) contracts: ContractRegistry) {
    super({
      // The subscription's integration event needs the aggregate's state: the store adds it to the outbox itself.
      aggregates: subscriptionsWithOutbox(repository, contracts),
      translate: () => [],
      contracts,
      tenantOf: (s) => s.state.agencyId,
      notFound: () => new SubscriptionNotFoundError(),
    });
  }
}
