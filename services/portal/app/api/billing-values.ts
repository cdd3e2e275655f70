import type { BillingApi } from '@vertrouwd/web-api';

// Closed lists of the billing service that the pages offer (no server code: the forms render them).

export type CreditReason = BillingApi.components['schemas']['CreditNoteRequest']['reason'];

/** The fixed reasons of a credit note, in the service's order (no free text reaches a document). */
export const CREDIT_REASONS: readonly CreditReason[] = ['price-correction', 'duplicate', 'subscription-ended', 'goodwill', 'cancelled'];
