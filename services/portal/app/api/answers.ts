// The portal reads the services' answers as its own types, for the fields its screens use. Each is checked here
// against the answer the service's committed OpenAPI document declares (libs/web-api, ADR 0049; `npm run openapi`
// regenerates them), reads and the answers of writes alike: a field the service renames, removes or retypes fails
// `nx run portal:typecheck` on the line of the read it breaks, instead of a page at run time. Types only: nothing here
// runs.
import type { BillingApi, CaseApi, MatchingApi, ReportingApi } from '@vertrouwd/web-api';
import type * as Agencies from './agencies.server';
import type * as AgencyBilling from './agency-billing.server';
import type * as Administration from './administration.server';
import type * as Audit from './audit.server';
import type * as Billing from './billing.server';
import type * as Case from './case.server';
import type * as Colleagues from './case-colleagues.server';
import type * as Matching from './matching.server';
import type * as MatchingSelf from './matching-self.server';
import type * as Oversight from './oversight-reporting.server';
import type * as Reporting from './reporting.server';

type CaseAnswer = CaseApi.components['schemas'];
type MatchingAnswer = MatchingApi.components['schemas'];
type BillingAnswer = BillingApi.components['schemas'];
type ReportingAnswer = ReportingApi.components['schemas'];

/**
 * Compiles only when the service's `Answer` can be read as the portal's `Portal`: every field the portal reads is
 * there (`Fields`: optional ones too) with a type the portal accepts.
 */
type Reads<Portal, Answer extends Portal, Fields extends keyof Answer> = [Portal, Answer, Fields];

/** What a command's function gives its page when the service did it: the answer's body as the portal types it. */
type Answered<Command> = Command extends (...args: never[]) => Promise<infer Outcome>
  ? Extract<Outcome, { ok: true }> extends { body: infer Body }
    ? Body
    : never
  : never;

/** Compiles only when the write's declared answer can be read as what the portal's `Command` gives its page. */
type Writes<Command, Answer extends Answered<Command>> = Reads<Answered<Command>, Answer, keyof Answered<Command>>;

export type CaseReads = [
  Reads<{ cases: Case.MyCase[] }, CaseAnswer['AdvisorCasesView'], 'cases'>,
  Reads<Case.MyCase, CaseAnswer['AdvisorCaseView'], keyof Case.MyCase>,
  Reads<Case.CaseOverview, CaseAnswer['CaseOverviewView'], keyof Case.CaseOverview>,
  Reads<Case.LegalClocks, CaseAnswer['LegalClocksView'], keyof Case.LegalClocks>,
  Reads<Case.DeadlineState, CaseAnswer['DeadlineStateView'], keyof Case.DeadlineState>,
  Reads<Case.CaseView, CaseAnswer['CaseView'], keyof Case.CaseView>,
  Reads<Case.CaseEntry, CaseAnswer['CaseEntryView'], keyof Case.CaseEntry>,
  Reads<Case.Attention, CaseAnswer['AttentionView'], keyof Case.Attention>,
  Reads<{ cases: Case.AuditedCase[] }, CaseAnswer['AuditedCasesView'], 'cases'>,
  Reads<Case.AuditedCase, CaseAnswer['AuditedCaseView'], keyof Case.AuditedCase>,
  Reads<Case.Replay, CaseAnswer['ReplayView'], keyof Case.Replay>,
  Reads<Case.ChainVerification, CaseAnswer['ChainVerificationView'], keyof Case.ChainVerification>,
  Reads<{ handovers: Colleagues.Handover[] }, CaseAnswer['HandoversView'], 'handovers'>,
  Reads<Colleagues.Handover, CaseAnswer['OfferedHandoverView'], keyof Colleagues.Handover>,
  Reads<{ consultations: Colleagues.CaseConsultation[] }, CaseAnswer['AskedConsultationsView'], 'consultations'>,
  Reads<Colleagues.CaseConsultation, CaseAnswer['AskedConsultationView'], keyof Colleagues.CaseConsultation>,
  Reads<{ consultations: Colleagues.ConsultationAskedOfMe[] }, CaseAnswer['ConsultationsForColleagueView'], 'consultations'>,
  Reads<Colleagues.ConsultationAskedOfMe, CaseAnswer['ConsultationForColleagueView'], keyof Colleagues.ConsultationAskedOfMe>,
  Reads<Audit.DeadlineCompliance, CaseAnswer['ComplianceView'], keyof Audit.DeadlineCompliance>,
  Reads<Audit.AccessLog, CaseAnswer['AccessLogView'], keyof Audit.AccessLog>,
  Reads<Audit.AccessRead, CaseAnswer['AccessReadView'], keyof Audit.AccessRead>,
  Reads<{ monthsAfterClosure: number | null }, CaseAnswer['RetentionView'], 'monthsAfterClosure'>,
  Reads<{ cases: { organisationId: string }[] }, CaseAnswer['CasesView'], 'cases'>,
  Writes<typeof Administration.setRetention, CaseAnswer['RetentionView']>,
];

export type ReportingReads = [
  Reads<{ publications: Reporting.PublicationSummary[] }, ReportingAnswer['PublicationsView'], 'publications'>,
  Reads<Reporting.PublicationSummary, ReportingAnswer['PublicationSummaryView'], keyof Reporting.PublicationSummary>,
  Reads<Reporting.PublishedReport, ReportingAnswer['PublishedReportView'], keyof Reporting.PublishedReport>,
  Reads<Reporting.ReportTable, ReportingAnswer['ReportTableView'], keyof Reporting.ReportTable>,
  Reads<Oversight.ReportContent, ReportingAnswer['ReportContentView'], keyof Oversight.ReportContent>,
  Reads<{ warnings: Oversight.NarrativeWarning[] }, ReportingAnswer['NarrativeWarningsView'], 'warnings'>,
  Reads<Oversight.Reproduction, ReportingAnswer['ReproductionView'], keyof Oversight.Reproduction>,
  Reads<Oversight.EmployerCompliance, ReportingAnswer['EmployerComplianceView'], keyof Oversight.EmployerCompliance>,
  Reads<Oversight.OrganisationBenchmarks, ReportingAnswer['OrganisationBenchmarksView'], keyof Oversight.OrganisationBenchmarks>,
];

export type MatchingReads = [
  Reads<{ counsellors: Matching.Counsellor[] }, MatchingAnswer['CounsellorsView'], 'counsellors'>,
  Reads<Matching.Counsellor, MatchingAnswer['CounsellorView'], keyof Matching.Counsellor>,
  Reads<{ organisations: Matching.Organisation[] }, MatchingAnswer['OrganisationsView'], 'organisations'>,
  Reads<Matching.Organisation, MatchingAnswer['OrganisationView'], keyof Matching.Organisation>,
  Reads<Matching.OrganisationDetail, MatchingAnswer['OrganisationDetailView'], keyof Matching.OrganisationDetail>,
  Reads<{ engagements: Matching.Engagement[] }, MatchingAnswer['EngagementsView'], 'engagements'>,
  Reads<Matching.Engagement, MatchingAnswer['EngagementView'], keyof Matching.Engagement>,
  Reads<{ matches: Matching.MatchRound[] }, MatchingAnswer['MatchesView'], 'matches'>,
  Reads<{ rounds: Matching.MatchRound[] }, MatchingAnswer['CaseMatchView'], 'rounds'>,
  Reads<Matching.MatchRound, MatchingAnswer['MatchRoundView'], keyof Matching.MatchRound>,
  Reads<Matching.Verdict, MatchingAnswer['VerdictView'], keyof Matching.Verdict>,
  Reads<MatchingSelf.MyRecord, MatchingAnswer['MyRecordView'], keyof MatchingSelf.MyRecord>,
  Reads<{ colleagues: MatchingSelf.Colleague[] }, MatchingAnswer['ColleaguesView'], 'colleagues'>,
  Reads<{ agencies: Agencies.Agency[] }, MatchingAnswer['AgenciesView'], 'agencies'>,
  Reads<Agencies.Agency, MatchingAnswer['AgencyView'], keyof Agencies.Agency>,
  Reads<Administration.AgencySettings, MatchingAnswer['AgencyView'], keyof Administration.AgencySettings>,
  Reads<{ organisations: Oversight.OrganisationChoice[] }, MatchingAnswer['OrganisationNamesView'], 'organisations'>,
  Reads<Oversight.OrganisationChoice, MatchingAnswer['OrganisationNameView'], keyof Oversight.OrganisationChoice>,
  Writes<typeof Administration.onboardCounsellor, MatchingAnswer['CounsellorOnboardedView']>,
  Writes<typeof Administration.declareConflict, MatchingAnswer['ConflictDeclaredView']>,
  Writes<typeof Matching.recordAbsence, MatchingAnswer['AbsenceRecordedView']>,
  Writes<typeof Matching.recordEngagement, MatchingAnswer['EngagementRecordedView']>,
  Writes<typeof Matching.registerOrganisation, MatchingAnswer['OrganisationRegisteredView']>,
  Writes<typeof Matching.appointByMatching, MatchingAnswer['AppointmentProposalView']>,
  Reads<Matching.AppointmentScore, MatchingAnswer['AppointmentScoreView'], keyof Matching.AppointmentScore>,
  Writes<typeof Matching.versionAgreement, MatchingAnswer['AgreementVersionedView']>,
];

export type BillingReads = [
  Reads<{ documents: Billing.InvoiceSummary[] }, BillingAnswer['DocumentsView'], 'documents'>,
  Reads<Billing.InvoiceSummary, BillingAnswer['DocumentSummaryView'], keyof Billing.InvoiceSummary>,
  Reads<AgencyBilling.BillingAccount, BillingAnswer['BillingAccountView'], keyof AgencyBilling.BillingAccount>,
  Reads<AgencyBilling.PriceList, BillingAnswer['PriceListView'], keyof AgencyBilling.PriceList>,
  Reads<{ subscriptions: AgencyBilling.Subscription[] }, BillingAnswer['SubscriptionsView'], 'subscriptions'>,
  Reads<AgencyBilling.Subscription, BillingAnswer['SubscriptionView'], keyof AgencyBilling.Subscription>,
  Reads<{ documents: AgencyBilling.AgencyDocument[] }, BillingAnswer['DocumentsView'], 'documents'>,
  Reads<AgencyBilling.AgencyDocument, BillingAnswer['DocumentSummaryView'], keyof AgencyBilling.AgencyDocument>,
  Reads<AgencyBilling.IssuedDocument, BillingAnswer['IssuedDocumentView'], keyof AgencyBilling.IssuedDocument>,
  Writes<typeof AgencyBilling.publishPrices, BillingAnswer['PriceListPublishedView']>,
  Writes<typeof AgencyBilling.invoiceRun, BillingAnswer['InvoiceRunView']>,
  Writes<typeof AgencyBilling.creditNote, BillingAnswer['CreditNoteIssuedView']>,
];
