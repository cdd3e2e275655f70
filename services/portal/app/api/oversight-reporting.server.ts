import { portalConfig } from '../config.server';
import { callService, outcomeOf, readJson, type Outcome } from './http.server';
import { organisations as agencyOrganisations } from './matching.server';
import { myRecord } from './matching-self.server';
import type { COMPLIANCE_DEADLINES, COMPLIANCE_REGIMES } from './oversight-values';
import type { PublicationSummary, ReportTable } from './reporting.server';

// The reporting service's API for the compliance view, benchmarks, the counsellor's annual report and the
// auditor's reproduction (services/reporting/src/api/http: compliance-benchmarks.http.controller.ts,
// reporting.http.controller.ts AgencyReportsHttpController). Typed here for the fields the screens read, each checked
// against the service's documented answer in answers.ts.

type Regime = (typeof COMPLIANCE_REGIMES)[number];
type Deadline = (typeof COMPLIANCE_DEADLINES)[number];

/** The employer's compliance view: duties, appointment, agreement, and per regime the share of deadlines met (no counts). */
export interface EmployerCompliance {
  organisationId: string;
  year: number;
  referenceDay: string;
  headcount: number | null;
  k: number;
  duties: {
    wbk: { applies: boolean; reportingProcedureRequired: boolean; threshold: number };
    pendingBill: { applies: boolean; counsellorRequired: boolean; threshold: number };
  };
  counsellor: { appointed: boolean; primary: boolean; substitute: boolean; internal: number };
  agreement: { inForce: boolean; startsOn: string | null; endsOn: string | null };
  deadlines: Record<Regime, Record<Deadline, { metPercent: number | null; suppressed: 'fewer-than-k' | null }>>;
  state: 'compliant' | 'attention';
  reasons: string[];
}

/** A benchmark cell: reports per 100 employees as a decimal text, or null with the rule that kept it out. */
export interface BenchmarkCell {
  reportsPer100: string | null;
  suppressed: string | null;
}

export interface OrganisationBenchmarks {
  organisationId: string;
  year: number;
  rules: { k: number; minOrganisations: number; maxSharePercent: number };
  own: { reportsPer100: string | null; suppressed: 'not-published' | null };
  agency: BenchmarkCell;
  sector: ({ sector: string } & BenchmarkCell) | null;
  themes: ({ theme: string } & BenchmarkCell)[];
}

/** What publishing now would show (the draft), or a publication's content. */
export interface ReportContent {
  organisationId: string;
  year: number;
  publication: number;
  publishedOn: string;
  k: number;
  headcount: number | null;
  tables: ReportTable[];
  hours: { activitiesMinutes: number; caseWorkMinutes: number | null };
  activities: { kind: string; count: number; minutes: number }[];
  trend: { thisYear: number | null; lastYear: number | null; direction: 'up' | 'down' | 'same' | null };
  visibility: { low: boolean; suggestions: string[]; agencyReportsPer100: string | null };
  narrative: { signals: string; advice: string };
}

/** A warning about the narrative: which field, which rule, where (never the text itself). */
export interface NarrativeWarning {
  field: 'signals' | 'advice';
  rule: 'name-like' | 'small-number';
  at: number;
}

export interface Reproduction {
  organisationId: string;
  year: number;
  publication: number;
  publishedDigest: string;
  reproducedDigest: string;
  same: boolean;
  differences: { path: string; published: unknown; reproduced: unknown }[];
  factsAfterCutOff: number;
}

const base = () => portalConfig().services.reporting;
const id = (value: string) => encodeURIComponent(value);
const agencyReports = (agencyId: string, organisationId: string) => `/agencies/${id(agencyId)}/organisations/${id(organisationId)}/reports`;

export async function employerCompliance(token: string, organisationId: string, year: number): Promise<EmployerCompliance> {
  return readJson(await callService(base(), `/organisations/${id(organisationId)}/compliance/${year}`, token), 'compliance');
}

export async function employerBenchmarks(token: string, organisationId: string, year: number): Promise<OrganisationBenchmarks> {
  return readJson(await callService(base(), `/organisations/${id(organisationId)}/benchmarks/${year}`, token), 'benchmarks');
}

export async function agencyPublications(token: string, agencyId: string, organisationId: string): Promise<PublicationSummary[]> {
  const answer = await readJson<{ publications: PublicationSummary[] }>(
    await callService(base(), agencyReports(agencyId, organisationId), token),
    'publications',
  );
  return answer.publications;
}

export async function draftReport(token: string, agencyId: string, organisationId: string, year: number): Promise<ReportContent> {
  return readJson(await callService(base(), `${agencyReports(agencyId, organisationId)}/${year}/draft`, token), 'draft');
}

/** Saves the counsellor's narrative; the service answers warnings (a name-like string, a number below k). */
export async function writeNarrative(
  token: string,
  agencyId: string,
  organisationId: string,
  year: number,
  texts: { signals: string; advice: string },
): Promise<{ ok: true; warnings: NarrativeWarning[] } | { ok: false; status: number }> {
  const response = await callService(base(), `${agencyReports(agencyId, organisationId)}/${year}/narrative`, token, {
    method: 'PUT',
    body: texts,
  });
  if (response.ok) return { ok: true, warnings: ((await response.json()) as { warnings: NarrativeWarning[] }).warnings };
  const outcome = await outcomeOf(response, 'narrative');
  return outcome.ok ? { ok: true, warnings: [] } : outcome;
}

export async function publish(token: string, agencyId: string, organisationId: string, year: number): Promise<Outcome> {
  return outcomeOf(
    await callService(base(), `${agencyReports(agencyId, organisationId)}/${year}/publications`, token, { method: 'POST', body: {} }),
    'publish',
  );
}

export async function reproduce(
  token: string,
  agencyId: string,
  organisationId: string,
  year: number,
  publication: number,
): Promise<Reproduction> {
  const path = `${agencyReports(agencyId, organisationId)}/${year}/publications/${publication}/reproduction`;
  return readJson(await callService(base(), path, token), 'reproduction');
}

/**
 * The organisations whose annual report the user may write: those of the cases the case service lists for them (the
 * advisor's own cases, the coordinator's agency's cases). Identifiers only; reporting decides access again.
 */
export async function organisationsOfCases(token: string, user: { roles: string[]; agencyId?: string }): Promise<string[]> {
  const caseBase = portalConfig().services.case;
  const path = user.roles.includes('coordinator') && user.agencyId ? `/agencies/${id(user.agencyId)}/cases` : '/advisors/me/cases';
  const { cases } = await readJson<{ cases: { organisationId: string }[] }>(await callService(caseBase, path, token), 'cases');
  return [...new Set(cases.map((c) => c.organisationId))].sort();
}

/** An organisation to choose, by name where the user may know it (the id's short form otherwise). */
export interface OrganisationChoice {
  organisationId: string;
  name: string | null;
}

/**
 * The organisations whose annual report the user may write, named: the coordinator's agency's organisations (from
 * matching, those without a case too: their report shows the low-visibility signal), the counsellor's own (those they
 * serve), and those of the cases the case service lists for them. Reporting decides access again.
 */
export async function annualReportOrganisations(
  token: string,
  user: { roles: string[]; agencyId?: string },
): Promise<OrganisationChoice[]> {
  const named: Promise<OrganisationChoice[]> =
    user.roles.includes('coordinator') && user.agencyId
      ? agencyOrganisations(token, user.agencyId).catch(() => []) // names unknown for now: the ids of the cases
      : myRecord(token).then(
          (record) => record.serves,
          () => [], // not a counsellor of the agency: the cases alone
        );
  const [names, ofCases] = await Promise.all([named, organisationsOfCases(token, user)]);
  const choices = new Map(names.map((o) => [o.organisationId, { organisationId: o.organisationId, name: o.name }]));
  for (const organisationId of ofCases) if (!choices.has(organisationId)) choices.set(organisationId, { organisationId, name: null });
  return [...choices.values()].sort((a, b) =>
    (a.name ?? `\uffff${a.organisationId}`).localeCompare(b.name ?? `\uffff${b.organisationId}`, 'nl'),
  );
}

/**
 * The names of the agency's client organisations, as its auditor may read them (matching's names-only list for the
 * auditor: the token's agency is the path's, so never another agency's). An organisation matching does not name
 * (erased, or matching unavailable) is left out: the page shows its short id.
 */
export async function auditedOrganisationNames(token: string, agencyId: string): Promise<Map<string, string>> {
  const path = `/agencies/${id(agencyId)}/organisation-names`;
  const named = await readJson<{ organisations: OrganisationChoice[] }>(
    await callService(portalConfig().services.matching, path, token),
    'organisation names',
  ).then(
    (answer) => answer.organisations,
    () => [], // names unknown for now: the short ids
  );
  return new Map(named.flatMap((o) => (o.name ? [[o.organisationId, o.name] as const] : [])));
}
