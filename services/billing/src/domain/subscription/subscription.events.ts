import type { InvoiceParty } from '../invoices/invoice-document';

/** Who the invoices go to: the organisation's invoicing name and address (KvK and VAT id come from the directory). */
export type InvoiceAddress = Pick<InvoiceParty, 'name' | 'street' | 'postcode' | 'city' | 'country'>;

export interface SubscriptionTerms {
  address: InvoiceAddress;
  /** The customer's reference, printed and sent as BuyerReference (the Dutch rules require one). */
  buyerReference: string;
  language: 'nl' | 'en';
}

export type SubscriptionEvent =
  | ({ type: 'SubscriptionStarted'; organisationId: string; agencyId: string; startsOn: string; at: string } & SubscriptionTerms)
  | ({ type: 'SubscriptionTermsChanged'; at: string } & SubscriptionTerms)
  | { type: 'SubscriptionEnded'; endsOn: string; at: string };
