// Domain events of a billing: plain values with fixed type strings (stored as is; never renamed). Instants
// are ISO strings. Free text would be sealed before it gets here (see docs/platform/privacy.md).

export interface BillingOpened {
  type: 'BillingOpened';
  billingId: string;
  agencyId: string;
  openedAt: string;
}
export interface BillingClosed {
  type: 'BillingClosed';
  billingId: string;
  closedAt: string;
}

export type BillingEvent = BillingOpened | BillingClosed;
