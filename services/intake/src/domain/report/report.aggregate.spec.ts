import { given } from '@vertrouwd/domain';
import { Report } from './report.aggregate';
import {
  ContentNotSealedError,
  ReportAlreadySubmittedError,
  ReportNotSubmittedError,
  ReporterDataAlreadyErasedError,
  ReportWithdrawnError,
  SummaryAlreadyAnsweredError,
  ConsentAlreadyAnsweredError,
  ConsentTargetInvalidError,
} from './report.errors';
import type { ReportEvent, ReportFacts } from './report.events';
import { inScope, isOutOfScope } from './report-scope';

const caseId = '0190a7c4-0000-7000-8000-000000000001';
const at = new Date('2026-03-02T09:00:00Z');
const facts: ReportFacts = {
  caseId,
  agencyId: 'a',
  organisationId: 'o',
  theme: 'bullying',
  relation: 'manager',
  anonymity: 'anonymous',
  contactChannel: 'platform',
  language: 'nl',
  preferredAdvisorGender: 'any',
  preferredAdvisorKind: 'any',
  consentVersion: 'v1',
  reporterRef: 'ref-1',
};
const sealed = 'sealed:v1:k:iv:ct';
const submitted: ReportEvent = { type: 'ReportSubmitted', facts, content: { sealedAccount: sealed }, receivedAt: at.toISOString() };
const withdrawn: ReportEvent = { type: 'ReportWithdrawn', caseId, withdrawnAt: at.toISOString() };
const messageSent: ReportEvent = { type: 'MessageSent', caseId, messageId: 'm-1', sealedBody: sealed, sentAt: at.toISOString() };
const approved: ReportEvent = { type: 'SummaryApproved', caseId, summaryId: 's-1', approvedAt: at.toISOString(), version: 1 };

describe('Report', () => {
  describe('submit', () => {
    it('records a report whose personal content is sealed', () =>
      given(Report)
        .when((r) => r.submit(facts, { sealedAccount: sealed }, at))
        .then(submitted));
    it('refuses an account in clear', () =>
      given(Report)
        .when((r) => r.submit(facts, { sealedAccount: 'what happened' }, at))
        .thenThrows(ContentNotSealedError));
    it('refuses contact details in clear', () =>
      given(Report)
        .when((r) => r.submit(facts, { sealedAccount: sealed, sealedContact: 'me@example.nl' }, at))
        .thenThrows(ContentNotSealedError));
    it('is submitted once', () =>
      given(Report, submitted)
        .when((r) => r.submit(facts, { sealedAccount: sealed }, at))
        .thenThrows(ReportAlreadySubmittedError));
  });

  describe("erasure of the reporter's own data (GDPR art. 17)", () => {
    const erased: ReportEvent = { type: 'ReporterDataErased', caseId, erasedAt: at.toISOString() };
    it('records the erasure', () =>
      given(Report, submitted)
        .when((r) => r.eraseReporterData(at))
        .then(erased));
    it('is possible after withdrawal too', () =>
      given(Report, submitted, withdrawn)
        .when((r) => r.eraseReporterData(at))
        .then(erased));
    it('happens once', () =>
      given(Report, submitted, erased)
        .when((r) => r.eraseReporterData(at))
        .thenThrows(ReporterDataAlreadyErasedError));
    it('needs a report', () =>
      given(Report)
        .when((r) => r.eraseReporterData(at))
        .thenThrows(ReportNotSubmittedError));
    it('leaves the case going: messages are still taken', () =>
      given(Report, submitted, erased)
        .when((r) => r.sendMessage('m-1', sealed, at))
        .then(messageSent));
  });

  describe('messages', () => {
    it('takes a sealed message', () =>
      given(Report, submitted)
        .when((r) => r.sendMessage('m-1', sealed, at))
        .then(messageSent));
    it('refuses a message in clear', () =>
      given(Report, submitted)
        .when((r) => r.sendMessage('m-1', 'hello', at))
        .thenThrows(ContentNotSealedError));
    it('takes no messages once withdrawn', () =>
      given(Report, submitted, withdrawn)
        .when((r) => r.sendMessage('m-1', sealed, at))
        .thenThrows(ReportWithdrawnError));
    it('takes no messages without a report', () =>
      given(Report)
        .when((r) => r.sendMessage('m-1', sealed, at))
        .thenThrows(ReportNotSubmittedError));
  });

  describe('summaries (EU directive 2019/1937, art. 18)', () => {
    it('approves a summary', () =>
      given(Report, submitted)
        .when((r) => r.approveSummary('s-1', at))
        .then(approved));
    it('corrects a summary with a sealed correction', () =>
      given(Report, submitted)
        .when((r) => r.correctSummary('s-1', sealed, at))
        .then({ type: 'SummaryCorrected', caseId, summaryId: 's-1', sealedCorrection: sealed, correctedAt: at.toISOString(), version: 1 }));
    it('answers a version of a summary once', () =>
      given(Report, submitted, approved)
        .when((r) => r.correctSummary('s-1', sealed, at))
        .thenThrows(SummaryAlreadyAnsweredError));
    it('answers each version of a summary: a corrected version 1, then an approved version 2', () => {
      const corrected: ReportEvent = {
        type: 'SummaryCorrected',
        caseId,
        summaryId: 's-1',
        sealedCorrection: sealed,
        correctedAt: at.toISOString(),
        version: 1,
      };
      given(Report, submitted, corrected)
        .when((r) => r.approveSummary('s-1', at, 2))
        .then({ type: 'SummaryApproved', caseId, summaryId: 's-1', approvedAt: at.toISOString(), version: 2 });
    });
    it('refuses a correction in clear', () =>
      given(Report, submitted)
        .when((r) => r.correctSummary('s-1', 'no', at))
        .thenThrows(ContentNotSealedError));
  });

  it('rebuilds what the reporter wrote and answered from its history', () => {
    const { state, id } = given(Report, submitted, messageSent, approved, withdrawn).aggregate;
    expect(id).toBe(caseId);
    expect(state).toMatchObject({ facts, receivedAt: at.toISOString(), withdrawnAt: at.toISOString(), messages: [messageSent] });
    expect([...state.summaryAnswers]).toEqual([['s-1#1', 'approved']]);
  });

  describe('consents (issue 8, defect 6: consent is the reporter\u2019s)', () => {
    const given1: ReportEvent = {
      type: 'ConsentGiven',
      caseId,
      consentId: 'c-1',
      scope: 'referral',
      referralType: 'police',
      givenAt: at.toISOString(),
    };
    it('gives consent to a referral to one target', () =>
      given(Report, submitted)
        .when((r) => r.giveConsent('c-1', 'referral', 'police', at))
        .then(given1));
    it('refuses a referral consent without a target, and a formal-report consent with one', () => {
      given(Report, submitted)
        .when((r) => r.giveConsent('c-1', 'referral', undefined, at))
        .thenThrows(ConsentTargetInvalidError);
      given(Report, submitted)
        .when((r) => r.giveConsent('c-1', 'formal-report', 'hr', at))
        .thenThrows(ConsentTargetInvalidError);
    });
    it('withdraws a consent once, also after the report was withdrawn', () => {
      const w: ReportEvent = { type: 'ConsentWithdrawn', caseId, consentId: 'c-1', withdrawnAt: at.toISOString() };
      given(Report, submitted, given1, withdrawn)
        .when((r) => r.withdrawConsent('c-1', at))
        .then(w);
      given(Report, submitted, given1, w)
        .when((r) => r.withdrawConsent('c-1', at))
        .thenThrows(ConsentAlreadyAnsweredError);
    });
    it('confirms a consent the advisor recorded once, and not one withdrawn or their own', () => {
      const confirmed: ReportEvent = { type: 'ConsentConfirmed', caseId, consentId: 'c-2', confirmedAt: at.toISOString() };
      given(Report, submitted)
        .when((r) => r.confirmConsent('c-2', at))
        .then(confirmed);
      given(Report, submitted, confirmed)
        .when((r) => r.confirmConsent('c-2', at))
        .thenThrows(ConsentAlreadyAnsweredError);
      given(Report, submitted, given1)
        .when((r) => r.confirmConsent('c-1', at))
        .thenThrows(ConsentAlreadyAnsweredError);
      given(Report, submitted, { type: 'ConsentWithdrawn', caseId, consentId: 'c-2', withdrawnAt: at.toISOString() })
        .when((r) => r.confirmConsent('c-2', at))
        .thenThrows(ConsentAlreadyAnsweredError);
    });
  });

  describe('withdraw', () => {
    it('withdraws', () =>
      given(Report, submitted)
        .when((r) => r.withdraw(at))
        .then(withdrawn));
    it('withdraws once', () =>
      given(Report, submitted, withdrawn)
        .when((r) => r.withdraw(at))
        .thenThrows(ReportWithdrawnError));
  });
});

describe('scope', () => {
  it('answers workload as out of scope, and keeps every other theme', () => {
    expect(isOutOfScope('workload')).toBe(true);
    expect(inScope('workload')).toBeUndefined();
    expect(inScope('bullying')).toBe('bullying');
    expect(isOutOfScope('not-sure')).toBe(false);
  });
});
