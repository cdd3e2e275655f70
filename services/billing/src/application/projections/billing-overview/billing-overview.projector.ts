import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { BillingEvent } from '../../../domain/billing/billing.events';
import { BillingOverview } from './billing-overview.read-model';

/** Folds the service's events into `billing_overview`; rebuildable from zero. */
export class BillingOverviewProjector implements Projection {
  readonly name = 'billing-overview';
  readonly filter = { categories: ['billing'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = { ...(recorded.data as object), type: recorded.type } as BillingEvent;
      switch (event.type) {
        case 'BillingOpened': {
          const row = { billingId: event.billingId, agencyId: event.agencyId, status: 'open', openedAt: new Date(event.openedAt) };
          await manager.upsert(BillingOverview, row, ['billingId']);
          break;
        }
        case 'BillingClosed':
          await manager.update(BillingOverview, { billingId: event.billingId }, { status: 'closed', closedAt: new Date(event.closedAt) });
          break;
      }
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.clear(BillingOverview);
  }
}
