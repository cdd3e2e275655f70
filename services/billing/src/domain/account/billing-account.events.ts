import type { PriceListVersion } from '../pricing/price-list';
import type { InvoiceDocument } from '../invoices/invoice-document';

/** The agency as the supplier on its invoices: legal name, address, KvK, VAT id, the account to pay to. */
export type SupplierDetails = InvoiceDocument['supplier'];

export interface BillingSettings {
  supplier: SupplierDetails;
  /** Days from issue to due date. */
  paymentTermDays: number;
  /** The disclosure threshold: case work counts only in a period with at least k cases (5 or more). */
  k: number;
}

export type BillingAccountEvent =
  | ({ type: 'BillingAccountOpened'; agencyId: string; at: string } & BillingSettings)
  | ({ type: 'BillingSettingsChanged'; at: string } & BillingSettings)
  | { type: 'PriceListPublished'; prices: PriceListVersion; at: string };
