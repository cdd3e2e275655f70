import { Inject, Injectable } from '@nestjs/common';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { CONTRACTS } from '@vertrouwd/runtime';
import { CommandRunner } from '@vertrouwd/service-kit';
import type { Billing } from '../domain/billing/billing.aggregate';
import { BillingNotFoundError } from '../domain/billing/billing.errors';
import type { BillingEvent } from '../domain/billing/billing.events';
import { BillingRepository } from './billing.repository';
import { translateBillingEvent } from './integration/billing-events.translator';

/** The kit's command runner for this service's aggregate: load, the caller's agency, decide, append with the outbox. */
@Injectable()
export class BillingWork extends CommandRunner<Billing, BillingEvent> {
  constructor(repository: BillingRepository, @Inject(CONTRACTS) contracts: ContractRegistry) {
    super({
      aggregates: repository,
      translate: translateBillingEvent,
      contracts,
      tenantOf: (aggregate) => aggregate.state.agencyId,
      notFound: () => new BillingNotFoundError(),
    });
  }
}
