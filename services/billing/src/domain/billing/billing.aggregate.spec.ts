import { given } from '@vertrouwd/domain';
import { Billing } from './billing.aggregate';
import { BillingAlreadyClosedError, BillingAlreadyOpenedError } from './billing.errors';
import type { BillingClosed, BillingOpened } from './billing.events';

const id = '0b8f2f4e-7d3c-4a55-9a39-2b1f8b0e6c11';
const agencyId = '46a843af-5ca5-490d-8839-a84730e4ca31';
const at = new Date('2026-03-02T09:00:00Z');
const opened: BillingOpened = { type: 'BillingOpened', billingId: id, agencyId, openedAt: at.toISOString() };
const closed: BillingClosed = { type: 'BillingClosed', billingId: id, closedAt: at.toISOString() };

describe('Billing', () => {
  it('opens', () =>
    given(Billing)
      .when((x) => x.open(id, agencyId, at))
      .then(opened));

  it('refuses to open twice', () =>
    given(Billing, opened)
      .when((x) => x.open(id, agencyId, at))
      .thenThrows(BillingAlreadyOpenedError));

  it('closes an open one', () =>
    given(Billing, opened)
      .when((x) => x.close(at))
      .then(closed));

  it('refuses to close a closed one', () =>
    given(Billing, opened, closed)
      .when((x) => x.close(at))
      .thenThrows(BillingAlreadyClosedError));
});
