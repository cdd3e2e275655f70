import { randomUUID } from 'node:crypto';
import { ALL_CONTRACTS, ContractRegistry, topicOf, type IntegrationEvent } from '@vertrouwd/contracts';
import { InMemoryKeyVault, Sealer, caseKey } from '@vertrouwd/privacy';
import type { CaseEvent } from '../../domain/case/case.events';
import { SEALED_FIELDS } from '../../domain/case/case.events';
import { agencyId, anna, bram, carla, caseId, organisationId } from '../../domain/case/case.fixtures';
import { translateCaseEvent } from './case-events.translator';

// Every domain event through the translator: what it publishes validates against its contract, and no free text
// leaves the service. Sealed fields are real ciphertext of a canary, so a leak of the clear text (or of a
// decryption) would show; ciphertext itself leaves only where the reporter reads it through intake.

const CANARY = 'CANARY-Jansen-0612345678-boze-chef';
const T = '2026-03-02T09:00:00.000Z';
const DAY = '2026-03-02';
const registry = new ContractRegistry(ALL_CONTRACTS);

/** What each domain event publishes (topic), or nothing; typed by every event type, so a new event fails to compile here. */
const PUBLISHES: Record<CaseEvent['type'], string | undefined> = {
  CaseOpened: 'case.case-opened.v1',
  AdvisorAssigned: 'case.advisor-assigned.v1',
  AssignmentDeclined: 'case.assignment-declined.v1',
  CaseAcknowledged: 'case.case-acknowledged.v1',
  ConversationRecorded: 'case.conversation-recorded.v1',
  SummaryShared: 'case.summary-shared.v1',
  SummaryApproved: undefined,
  SummaryCorrected: undefined,
  AdviceGiven: undefined,
  ConsentRecorded: 'case.consent-recorded.v1',
  ReferralMade: 'case.referral-made.v1',
  FormalReportSupported: 'case.formal-report-supported.v1',
  AftercarePlanned: undefined,
  AftercareRecorded: undefined,
  HoursLogged: 'case.hours-logged.v1',
  CaseTransferred: 'case.advisor-assigned.v1',
  CaseHandoverOffered: undefined,
  CaseHandoverDeclined: undefined,
  ReportResumed: 'case.case-reopened.v1',
  IdentityRevealRequested: 'case.identity-reveal-requested.v1',
  IdentityRevealDecided: 'case.identity-reveal-decided.v1',
  PeerConsultationRequested: undefined,
  PeerConsultationAnswered: undefined,
  CaseClosed: 'case.case-closed.v1',
  CaseReopened: 'case.case-reopened.v1',
  ReportWithdrawn: 'case.case-closed.v1',
  CaseErased: 'case.case-erased.v1',
  ReporterMessageReceived: undefined,
  AdvisorMessageSent: 'case.advisor-message-sent.v1',
  DeadlineMissed: 'case.deadline-missed.v1',
  FeedbackGiven: 'case.feedback-given.v1',
  ConsentGiven: undefined,
  ConsentConfirmed: undefined,
  ConsentWithdrawn: undefined,
  LegalDutyInvoked: 'case.legal-duty-invoked.v1',
};

/** The only integration events that carry sealed text: what the reporter reads through intake. */
const CARRIES_SEALED = [
  'case.summary-shared.v1',
  'case.advisor-message-sent.v1',
  'case.feedback-given.v1',
  'case.identity-reveal-requested.v1',
  'case.legal-duty-invoked.v1',
];

async function examples(): Promise<Record<CaseEvent['type'], CaseEvent>> {
  const sealer = new Sealer(new InMemoryKeyVault());
  const s = (field: string) => sealer.seal(`${CANARY} (${field})`, caseKey(caseId));
  const id = () => randomUUID();
  return {
    CaseOpened: {
      type: 'CaseOpened',
      caseId,
      agencyId,
      organisationId,
      theme: 'sexual-harassment',
      relation: 'manager',
      anonymity: 'known-to-advisor',
      receivedAt: T,
      openedAt: T,
      sealedAccount: await s('account'),
      sealedContact: await s('contact'),
      sealedIdentity: await s('identity'),
      language: 'ar',
      preferredAdvisorGender: 'female',
      preferredAdvisorKind: 'external',
    },
    AdvisorAssigned: { type: 'AdvisorAssigned', caseId, advisorId: anna, assignedBy: carla, assignedAt: T },
    AssignmentDeclined: {
      type: 'AssignmentDeclined',
      caseId,
      agencyId,
      organisationId,
      advisorId: anna,
      conflictWith: 'people-in-case',
      declinedAt: T,
    },
    CaseAcknowledged: { type: 'CaseAcknowledged', caseId, advisorId: anna, acknowledgedAt: T },
    ConversationRecorded: {
      type: 'ConversationRecorded',
      caseId,
      conversationId: id(),
      advisorId: anna,
      heldOn: DAY,
      minutes: 45,
      mode: 'video',
      sealedSummary: await s('summary'),
      recordedAt: T,
    },
    SummaryShared: {
      type: 'SummaryShared',
      caseId,
      summaryId: id(),
      advisorId: anna,
      sealedSummary: await s('summary'),
      sharedAt: T,
      version: 2,
    },
    SummaryApproved: { type: 'SummaryApproved', caseId, summaryId: id(), approvedAt: T, version: 2 },
    SummaryCorrected: {
      type: 'SummaryCorrected',
      caseId,
      summaryId: id(),
      sealedCorrection: await s('correction'),
      correctedAt: T,
      version: 1,
    },
    AdviceGiven: { type: 'AdviceGiven', caseId, adviceId: id(), advisorId: anna, sealedAdvice: await s('advice'), givenAt: T },
    ConsentRecorded: {
      type: 'ConsentRecorded',
      caseId,
      advisorId: anna,
      scope: 'referral',
      referralType: 'police',
      recordedAt: T,
      consentId: id(),
      conversationId: id(),
      givenBy: 'reporter',
    },
    ReferralMade: {
      type: 'ReferralMade',
      caseId,
      referralId: id(),
      advisorId: anna,
      referralType: 'company-doctor',
      referredAt: T,
      consentId: id(),
    },
    FormalReportSupported: { type: 'FormalReportSupported', caseId, advisorId: anna, supportedAt: T, legalDutyId: id() },
    AftercarePlanned: {
      type: 'AftercarePlanned',
      caseId,
      aftercareId: id(),
      advisorId: anna,
      plannedFor: DAY,
      sealedPlan: await s('plan'),
      plannedAt: T,
    },
    AftercareRecorded: {
      type: 'AftercareRecorded',
      caseId,
      aftercareId: id(),
      advisorId: anna,
      sealedNote: await s('note'),
      recordedAt: T,
    },
    HoursLogged: {
      type: 'HoursLogged',
      caseId,
      organisationId,
      advisorId: anna,
      workedOn: DAY,
      minutes: 60,
      activity: 'conversation',
      loggedAt: T,
    },
    CaseHandoverOffered: {
      type: 'CaseHandoverOffered',
      caseId,
      fromAdvisorId: anna,
      toAdvisorId: bram,
      sealedReason: await s('handover'),
      offeredAt: T,
    },
    CaseHandoverDeclined: { type: 'CaseHandoverDeclined', caseId, toAdvisorId: bram, declinedAt: T },
    ReportResumed: { type: 'ReportResumed', caseId, resumedAt: T },
    IdentityRevealRequested: {
      type: 'IdentityRevealRequested',
      caseId,
      revealId: id(),
      advisorId: anna,
      viewerId: bram,
      sealedReason: await s('reveal reason'),
      requestedAt: T,
    },
    IdentityRevealDecided: {
      type: 'IdentityRevealDecided',
      caseId,
      revealId: id(),
      decision: 'approved',
      decidedBy: 'reporter',
      decidedAt: T,
    },
    PeerConsultationRequested: {
      type: 'PeerConsultationRequested',
      caseId,
      consultationId: id(),
      advisorId: anna,
      colleagueId: bram,
      sealedQuestion: await s('question'),
      requestedAt: T,
    },
    PeerConsultationAnswered: {
      type: 'PeerConsultationAnswered',
      caseId,
      consultationId: id(),
      colleagueId: bram,
      sealedAnswer: await s('answer'),
      answeredAt: T,
    },
    CaseTransferred: {
      type: 'CaseTransferred',
      caseId,
      fromAdvisorId: anna,
      toAdvisorId: bram,
      sealedReason: await s('reason'),
      transferredAt: T,
    },
    CaseClosed: { type: 'CaseClosed', caseId, advisorId: anna, outcome: 'referred', closedAt: T },
    CaseReopened: { type: 'CaseReopened', caseId, advisorId: anna, reopenedAt: T },
    ReportWithdrawn: { type: 'ReportWithdrawn', caseId, withdrawnAt: T },
    CaseErased: { type: 'CaseErased', caseId, reason: 'request', erasedAt: T },
    ReporterMessageReceived: {
      type: 'ReporterMessageReceived',
      caseId,
      messageId: id(),
      sealedBody: await s('reporter message'),
      sentAt: T,
    },
    AdvisorMessageSent: {
      type: 'AdvisorMessageSent',
      caseId,
      messageId: id(),
      advisorId: anna,
      sealedBody: await s('advisor message'),
      sentAt: T,
    },
    DeadlineMissed: {
      type: 'DeadlineMissed',
      caseId,
      deadline: 'acknowledgement',
      dueAt: T,
      regime: 'wbk',
      advisorId: anna,
      detectedAt: T,
    },
    FeedbackGiven: { type: 'FeedbackGiven', caseId, feedbackId: id(), advisorId: anna, sealedFeedback: await s('feedback'), givenAt: T },
    ConsentGiven: { type: 'ConsentGiven', caseId, consentId: id(), scope: 'formal-report', givenBy: 'reporter', givenAt: T },
    ConsentConfirmed: { type: 'ConsentConfirmed', caseId, consentId: id(), confirmedBy: 'reporter', confirmedAt: T },
    ConsentWithdrawn: { type: 'ConsentWithdrawn', caseId, consentId: id(), withdrawnBy: 'reporter', withdrawnAt: T },
    LegalDutyInvoked: {
      type: 'LegalDutyInvoked',
      caseId,
      dutyId: id(),
      advisorId: anna,
      reason: 'crime-art-160-sv',
      scope: 'referral',
      referralType: 'police',
      sealedExplanation: await s('explanation'),
      invokedAt: T,
    },
  };
}

/** The envelope the outbox wraps a translation in (as `outboxFor` does), so the registry judges the whole event. */
function published(event: CaseEvent): IntegrationEvent[] {
  return translateCaseEvent(event).map(({ contract, payload }) => ({
    eventId: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: T,
    key: event.caseId,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload,
  }));
}

describe('translateCaseEvent: domain events to integration events', () => {
  let all: Record<CaseEvent['type'], CaseEvent>;
  beforeAll(async () => {
    all = await examples();
  });

  const types = Object.keys(PUBLISHES) as CaseEvent['type'][];

  it('has an example of every domain event, with every sealed field it may carry sealed from the canary', () => {
    expect(Object.keys(all).sort()).toEqual([...types].sort());
    const sealedInExamples = new Set(
      Object.values(all).flatMap((e) => Object.keys(e).filter((k) => (SEALED_FIELDS as readonly string[]).includes(k))),
    );
    expect([...sealedInExamples].sort()).toEqual([...SEALED_FIELDS].sort());
  });

  it.each(types)('%s: publishes what it should, valid against its contract, with no plain text', (type) => {
    const event = all[type];
    const out = published(event);
    expect(out.map(topicOf)).toEqual(PUBLISHES[type] ? [PUBLISHES[type]] : []);
    for (const integration of out) {
      expect(() => registry.validate(integration)).not.toThrow();
      const json = JSON.stringify(integration);
      expect(json).not.toContain(CANARY);
      expect(json).not.toContain('CANARY');
      if (!CARRIES_SEALED.includes(topicOf(integration))) expect(json).not.toMatch(/sealed:/);
      // Only the sealed field the contract names travels, and it is the domain event's ciphertext as it was.
      for (const [key, value] of Object.entries(integration.payload as Record<string, unknown>)) {
        if (typeof value === 'string' && value.startsWith('sealed:'))
          expect(value).toBe((event as unknown as Record<string, unknown>)[key]);
      }
    }
  });

  it('publishes a transfer as the new advisor\u2019s assignment and a withdrawal as a closure with outcome withdrawn', () => {
    expect(published(all.CaseTransferred)[0]?.payload).toEqual({ caseId, advisorId: bram, assignedAt: T });
    expect(published(all.ReportWithdrawn)[0]?.payload).toEqual({ caseId, outcome: 'withdrawn', closedAt: T });
  });

  it('publishes a missed deadline of a case without an advisor without one', () => {
    const { advisorId: _, ...unassigned } = all.DeadlineMissed as Extract<CaseEvent, { type: 'DeadlineMissed' }>;
    const [event] = published(unassigned);
    expect(() => registry.validate(event)).not.toThrow();
    expect(event.payload).toEqual({ caseId, deadline: 'acknowledgement', dueAt: T, regime: 'wbk' });
  });

  it('publishes the regime of a missed deadline, and none for one recorded before regimes existed', () => {
    const { regime: _, ...old } = all.DeadlineMissed as Extract<CaseEvent, { type: 'DeadlineMissed' }>;
    const [event] = published(old);
    expect(() => registry.validate(event)).not.toThrow();
    expect(event.payload).toEqual({ caseId, deadline: 'acknowledgement', dueAt: T, advisorId: anna });
    expect(published(all.DeadlineMissed)[0]?.payload).toMatchObject({ regime: 'wbk' });
  });

  it('publishes what the reporter asked for with the opened case, and an old opened case without it', () => {
    const opened = all.CaseOpened as Extract<CaseEvent, { type: 'CaseOpened' }>;
    expect(published(opened)[0]?.payload).toMatchObject({
      language: 'ar',
      preferredAdvisorGender: 'female',
      preferredAdvisorKind: 'external',
    });
    const { language: _l, preferredAdvisorGender: _g, preferredAdvisorKind: _k, ...before } = opened;
    const [event] = published(before);
    expect(() => registry.validate(event)).not.toThrow();
    expect(Object.keys(event.payload as object)).not.toEqual(expect.arrayContaining(['language']));
  });

  it("publishes the reporter's site with the opened case when they gave one, and nothing when not", () => {
    const opened = all.CaseOpened as Extract<CaseEvent, { type: 'CaseOpened' }>;
    const [withSite] = published({ ...opened, site: 'zeeland' });
    expect(() => registry.validate(withSite)).not.toThrow();
    expect(withSite.payload).toMatchObject({ site: 'zeeland' });
    expect(published(opened)[0]?.payload).not.toHaveProperty('site');
  });
});
