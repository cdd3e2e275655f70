import { portalConfig } from '../config.server';
import { callService, readJson } from './http.server';

// The billing service's API for the employer contact (services/billing/src/api/http/employer-billing.http.controller.ts).
// The answers are typed here for the fields the screens read, each checked against the documented answer in answers.ts.

export interface InvoiceSummary {
  number: string;
  kind: 'invoice' | 'credit-note';
  periodKey?: string;
  issueDate: string;
  corrects?: string;
  payableCents: number;
}

const base = () => portalConfig().services.billing;
const id = (value: string) => encodeURIComponent(value);

export async function invoices(token: string, organisationId: string): Promise<InvoiceSummary[]> {
  const path = `/organisations/${id(organisationId)}/billing/invoices`;
  return (await readJson<{ documents: InvoiceSummary[] }>(await callService(base(), path, token), 'invoices')).documents;
}

/** An invoice's PDF or UBL (e-invoice) file, the service's answer passed on as it is. */
export function invoiceFile(token: string, organisationId: string, number: string, format: 'pdf' | 'ubl'): Promise<Response> {
  return callService(base(), `/organisations/${id(organisationId)}/billing/invoices/${id(number)}/${format}`, token, { accept: '*/*' });
}
