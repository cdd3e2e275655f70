import createClient, { type Client } from 'openapi-fetch';
import type { paths as BillingPaths } from './generated/billing';
import type { paths as CasePaths } from './generated/case';
import type { paths as IntakePaths } from './generated/intake';
import type { paths as MatchingPaths } from './generated/matching';
import type { paths as ReportingPaths } from './generated/reporting';

export interface ServiceClientOptions {
  /** Where the service answers, e.g. `http://127.0.0.1:3001` (a trailing slash is dropped). */
  baseUrl: string;
  /**
   * The caller's bearer token: a staff member's access token (the portal) or a reporter's follow-up token (the
   * reporter's site). Leave it out for public endpoints (the intake page, submitting a report).
   */
  token?: string;
  /** Headers sent with every request, e.g. `X-Correlation-Id` to follow the page's request into the service's logs. */
  headers?: Record<string, string>;
  /** The `fetch` to use (a test's stand-in); the runtime's by default. */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * A typed client for one service's API (openapi-fetch over the types generated from its committed document): paths,
 * parameters, bodies and answers are checked by the compiler, and a changed API fails the build.
 *
 * **Server-side only.** It carries the token; tokens never reach the browser (issue 12): a web service creates one per
 * request in a loader or action. Called where a DOM exists, it throws.
 */
export function createServiceClient<Paths extends object>(options: ServiceClientOptions): Client<Paths> {
  if ('document' in globalThis) throw new Error('Service clients carry a token: create them on the server, never in the browser');
  return createClient<Paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { accept: 'application/json', ...options.headers, ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export type IntakeClient = Client<IntakePaths>;
export type CaseClient = Client<CasePaths>;
export type MatchingClient = Client<MatchingPaths>;
export type BillingClient = Client<BillingPaths>;
export type ReportingClient = Client<ReportingPaths>;

/** Intake: the intake page, reports, receipts, and the reporter's way back to their case. */
export const createIntakeClient = (options: ServiceClientOptions): IntakeClient => createServiceClient<IntakePaths>(options);
/** Case work: advisors', coordinators', auditors' and admins' endpoints. */
export const createCaseClient = (options: ServiceClientOptions): CaseClient => createServiceClient<CasePaths>(options);
/** Matching: agencies, counsellors, organisations, and matches explained. */
export const createMatchingClient = (options: ServiceClientOptions): MatchingClient => createServiceClient<MatchingPaths>(options);
/** Billing: price lists, invoice runs, invoices for the employer. */
export const createBillingClient = (options: ServiceClientOptions): BillingClient => createServiceClient<BillingPaths>(options);
/** Reporting: published reports, compliance and benchmarks. */
export const createReportingClient = (options: ServiceClientOptions): ReportingClient => createServiceClient<ReportingPaths>(options);
