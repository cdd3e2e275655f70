import type { BillingApi } from '@vertrouwd/web-api';
import { portalConfig } from '../config.server';
import { callService, readJson } from './http.server';
import { commandOf, type Done } from './problem.server';

// The billing service's API for the agency's coordinator (services/billing/src/api/http/agency-billing.http.controller.ts,
// docs/services/billing.md). Request bodies are the generated OpenAPI types (libs/web-api, ADR 0049); the answers are
// typed here for the fields the screens read, each checked against the documented answer in answers.ts.

type Schemas = BillingApi.components['schemas'];
export type PriceListBody = Schemas['PriceListRequest'];
export type AccountBody = Schemas['BillingAccountRequest'];
export type SubscriptionBody = Schemas['SubscriptionRequest'];
export type CreditNoteBody = Schemas['CreditNoteRequest'];

/** The agency as supplier on its e-invoices, with its terms and price lists (`GET …/billing/account`). */
export interface BillingAccount {
  supplier: Schemas['SupplierView'];
  paymentTermDays: number;
  k: number;
  priceLists: PriceList[];
}

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
  address: { name: string; street: string; postcode: string; city: string; country: string };
  buyerReference: string;
  language: string;
  /** Sent back as If-Match when the terms are changed; absent while billing keeps none for it yet. */
  version?: number;
}

export interface AgencyDocument {
  number: string;
  kind: 'invoice' | 'credit-note';
  organisationId: string;
  periodKey?: string;
  issueDate: string;
  corrects?: string | null;
  payableCents: number;
}

/** One issued invoice or credit note as it was issued (`GET …/invoices/{number}`): the fields the invoice page shows. */
export interface IssuedDocument {
  kind: 'invoice' | 'credit-note';
  number: string;
  issueDate: string;
  dueDate?: string;
  period: { start: string; end: string };
  buyerReference: string;
  corrects?: { number: string; issueDate: string };
  note?: string;
  customer: { name: string; city: string };
  lines: { id: string; description: string; quantity: string; unitPriceCents: number; netCents: number; vatRatePercent: string }[];
  totals: { netCents: number; vatCents: number; grossCents: number; payableCents: number };
}

export interface RunResult {
  issued: string[];
  skipped: { organisationId: string; rule: string }[];
}

const base = () => portalConfig().services.billing;
const id = (value: string) => encodeURIComponent(value);
const billing = (agencyId: string) => `/agencies/${id(agencyId)}/billing`;

/** The agency's billing account, its price lists newest version first; none while the agency has not set it up. */
export async function account(token: string, agencyId: string): Promise<BillingAccount | undefined> {
  const response = await callService(base(), `${billing(agencyId)}/account`, token);
  // 404 here means "no billing account yet" (the route is the agency's own, tenant-scoped: another agency is 403).
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  const found = await readJson<BillingAccount>(response, 'billing account');
  return { ...found, priceLists: found.priceLists.toSorted((a, b) => b.version - a.version) };
}

/** The agency's price lists, newest version first; none while the agency has no billing account. */
export async function priceLists(token: string, agencyId: string): Promise<PriceList[] | undefined> {
  return (await account(token, agencyId))?.priceLists;
}

/** Opens the billing account or changes the supplier's details and terms. */
export async function configureAccount(token: string, agencyId: string, body: AccountBody): Promise<Done<undefined>> {
  return commandOf(await callService(base(), `${billing(agencyId)}/account`, token, { method: 'PUT', body }), 'billing account');
}

export async function publishPrices(token: string, agencyId: string, body: PriceListBody): Promise<Done<{ version: number }>> {
  return commandOf(await callService(base(), `${billing(agencyId)}/price-lists`, token, { method: 'POST', body }), 'price list');
}

export async function subscriptions(token: string, agencyId: string): Promise<Subscription[]> {
  const path = `${billing(agencyId)}/subscriptions`;
  return (await readJson<{ subscriptions: Subscription[] }>(await callService(base(), path, token), 'subscriptions')).subscriptions;
}

/** Starts an organisation's subscription, or changes its terms (its first day cannot move). */
export async function subscribe(
  token: string,
  agencyId: string,
  organisationId: string,
  body: SubscriptionBody,
  ifMatch?: number,
): Promise<Done<undefined>> {
  const path = `${billing(agencyId)}/subscriptions/${id(organisationId)}`;
  return commandOf(await callService(base(), path, token, { method: 'PUT', body, ifMatch }), 'subscription');
}

export async function endSubscription(token: string, agencyId: string, organisationId: string, endsOn: string): Promise<Done<undefined>> {
  const body: Schemas['EndSubscriptionRequest'] = { endsOn };
  const path = `${billing(agencyId)}/subscriptions/${id(organisationId)}/end`;
  return commandOf(await callService(base(), path, token, { method: 'POST', body }), 'end of subscription');
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

/** One of the agency's documents as issued; another agency's number is 404. */
export async function agencyInvoice(token: string, agencyId: string, number: string): Promise<IssuedDocument> {
  return readJson<IssuedDocument>(await callService(base(), `${billing(agencyId)}/invoices/${id(number)}`, token), 'invoice');
}

/** A credit note for the invoice: the whole of what is left without `lines`, or the amounts of some lines. */
export async function creditNote(token: string, agencyId: string, number: string, body: CreditNoteBody): Promise<Done<{ number: string }>> {
  const path = `${billing(agencyId)}/invoices/${id(number)}/credit-notes`;
  return commandOf(await callService(base(), path, token, { method: 'POST', body }), 'credit note');
}

/** The year's documents for the agency's bookkeeping, as the service's CSV. */
export function bookkeepingCsv(token: string, agencyId: string, year: number): Promise<Response> {
  return callService(base(), `${billing(agencyId)}/bookkeeping.csv?year=${year}`, token, { accept: 'text/csv' });
}

/** An invoice's PDF or UBL (e-invoice) file, the service's answer passed on as it is. */
export function agencyInvoiceFile(token: string, agencyId: string, number: string, format: 'pdf' | 'ubl'): Promise<Response> {
  return callService(base(), `${billing(agencyId)}/invoices/${id(number)}/${format}`, token, { accept: '*/*' });
}
