import { Aggregate, type Evolution } from '@vertrouwd/domain';
import { BillingAlreadyClosedError, BillingAlreadyOpenedError } from './billing.errors';
import type { BillingEvent } from './billing.events';

export interface BillingState {
  billingId: string;
  agencyId: string | undefined;
  status: 'new' | 'open' | 'closed';
}

/** The one place state changes: an event type missing here fails the type check. */
const evolution: Evolution<BillingState, BillingEvent> = {
  BillingOpened: (state, event) => ({ ...state, billingId: event.billingId, agencyId: event.agencyId, status: 'open' }),
  BillingClosed: (state) => ({ ...state, status: 'closed' }),
};

/** A billing (stream `billing-<id>`): commands check the rules, then apply events. */
export class Billing extends Aggregate<BillingEvent, BillingState> {
  constructor() {
    super({ billingId: '', agencyId: undefined, status: 'new' }, evolution);
  }

  get id(): string {
    return this.state.billingId;
  }

  open(billingId: string, agencyId: string, at: Date): void {
    if (this.state.status !== 'new') throw new BillingAlreadyOpenedError();
    this.apply({ type: 'BillingOpened', billingId, agencyId, openedAt: at.toISOString() });
  }

  close(at: Date): void {
    if (this.state.status === 'closed') throw new BillingAlreadyClosedError();
    this.apply({ type: 'BillingClosed', billingId: this.id, closedAt: at.toISOString() });
  }
}
