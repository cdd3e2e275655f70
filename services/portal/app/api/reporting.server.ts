import { data } from 'react-router';
import { portalConfig } from '../config.server';
import { callService, readJson } from './http.server';

// The reporting service's API for the employer contact (services/reporting/src/api/http/reporting.http.controller.ts,
// EmployerReportsHttpController). The answers are typed here for the fields the screens read, each checked against
// the service's documented answer in answers.ts.

export interface PublicationSummary {
  year: number;
  publication: number;
  publishedOn: string;
  digest: string;
}

/** A published table: a suppressed cell has no value (null) and the reason it was left out. */
export interface ReportTable {
  id: string;
  cells: { key: string; value: number | null; reason: string | null }[];
}

export interface PublishedReport {
  organisationId: string;
  year: number;
  publication: number;
  publishedOn: string;
  k: number;
  headcount: number | null;
  tables: ReportTable[];
  digest: string;
}

const base = () => portalConfig().services.reporting;
const id = (value: string) => encodeURIComponent(value);

export async function publications(token: string, organisationId: string): Promise<PublicationSummary[]> {
  const path = `/organisations/${id(organisationId)}/reports`;
  return (await readJson<{ publications: PublicationSummary[] }>(await callService(base(), path, token), 'reports')).publications;
}

export async function publishedReport(token: string, organisationId: string, year: number): Promise<PublishedReport> {
  return readJson<PublishedReport>(await callService(base(), `/organisations/${id(organisationId)}/reports/${year}`, token), 'report');
}

/** The report as a file (CSV, or the PDF in a language for an audience), the service's answer passed on as it is. */
export function reportFile(
  token: string,
  organisationId: string,
  year: number,
  format: 'csv' | 'pdf',
  language: string,
): Promise<Response> {
  const query = format === 'pdf' ? `?${new URLSearchParams({ language: language === 'en' ? 'en' : 'nl', audience: 'board' })}` : '';
  return callService(base(), `/organisations/${id(organisationId)}/reports/${year}/${format}${query}`, token, { accept: '*/*' });
}

/** A year in an address: four digits, else the page does not exist. */
export function yearOf(segment: string): number {
  const year = Number(segment);
  if (!/^\d{4}$/.test(segment) || year < 2000 || year > 2999) throw data(null, { status: 404 });
  return year;
}
