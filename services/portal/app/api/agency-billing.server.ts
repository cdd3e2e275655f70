import type { BillingApi } from '@vertrouwd/web-api';
import { portalConfig } from '../config.server';
import { callService, readJson } from './http.server';
import { commandOf, type Done } from './problem.server';

// The billing service's API for the agency's coordinator (services/billing/src/api/http/agency-billing.http.controller.ts,
// docs/services/billing.md). Request bodies are the generated OpenAPI types (libs/web-api, ADR 0049); the answers are
// typed here for the fields the screens read.

type Schemas = BillingApi.components['schemas'];
export type PriceListBody = Schemas['PriceListRequest'];

export interface PriceList {
  version: number;
  effectiveFrom: string;
  period: string;
  hourlyRateCents: number;
  vatRatePercent: string;
  bands: { minHeadcount: number; plan: string; yearlyFeeCents: number; includedHoursPerYear: number }[];
}

export interface Subscription {
  organisationId: string;
  startsOn: string;
  endsOn: string | null;
  address: { name: string; city: string };
  buyerReference: string;
  language: string;
}

export interface AgencyDocument {
  number: string;
  kind: 'invoice' | 'credit-note';
  organisationId: string;
  periodKey?: string;
  issueDate: string;
  payableCents: number;
}

export interface RunResult {
  issued: string[];
  skipped: { organisationId: string; rule: string }[];
}

const base = () => portalConfig().services.billing;
const id = (value: string) => encodeURIComponent(value);
const billing = (agencyId: string) => `/agencies/${id(agencyId)}/billing`;

/** The agency's price lists, newest version first; none while the agency has no billing account. */
export async function priceLists(token: string, agencyId: string): Promise<PriceList[] | undefined> {
  const response = await callService(base(), `${billing(agencyId)}/account`, token);
  // 404 here means "no billing account yet" (the route is the agency's own, tenant-scoped: another agency is 403).
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  const account = await readJson<{ priceLists: PriceList[] }>(response, 'billing account');
  return account.priceLists.toSorted((a, b) => b.version - a.version);
}

export async function publishPrices(token: string, agencyId: string, body: PriceListBody): Promise<Done<{ version: number }>> {
  return commandOf(await callService(base(), `${billing(agencyId)}/price-lists`, token, { method: 'POST', body }), 'price list');
}

export async function subscriptions(token: string, agencyId: string): Promise<Subscription[]> {
  const path = `${billing(agencyId)}/subscriptions`;
  return (await readJson<{ subscriptions: Subscription[] }>(await callService(base(), path, token), 'subscriptions')).subscriptions;
}

/** Issues the due invoices of every period that ended on or before `through`. */
export async function invoiceRun(token: string, agencyId: string, through: string): Promise<Done<RunResult>> {
  const body: Schemas['InvoiceRunRequest'] = { through };
  return commandOf(await callService(base(), `${billing(agencyId)}/invoice-runs`, token, { method: 'POST', body }), 'invoice run');
}

export async function agencyInvoices(token: string, agencyId: string): Promise<AgencyDocument[]> {
  const path = `${billing(agencyId)}/invoices`;
  return (await readJson<{ documents: AgencyDocument[] }>(await callService(base(), path, token), 'invoices')).documents;
}

/** An invoice's PDF or UBL (e-invoice) file, the service's answer passed on as it is. */
export function agencyInvoiceFile(token: string, agencyId: string, number: string, format: 'pdf' | 'ubl'): Promise<Response> {
  return callService(base(), `${billing(agencyId)}/invoices/${id(number)}/${format}`, token, { accept: '*/*' });
}
