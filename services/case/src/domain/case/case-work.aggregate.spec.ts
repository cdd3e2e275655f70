import { given } from '@vertrouwd/domain';
import { Case } from './case.aggregate';
import * as E from './case.errors';
import type { CaseEvent } from './case.events';
import { T0, anna, assigned, at, bram, carla, caseId, conversation, opened, organisationId, sealed, shared } from './case.fixtures';

const now = at(T0);
const held = { conversationId: 'conv-1', heldOn: '2026-03-02', minutes: 45, mode: 'video', sealedSummary: sealed('summary') } as const;

describe('Case: conversations and summaries', () => {
  it('records a conversation with a sealed summary', () =>
    given(Case, opened, assigned)
      .when((c) => c.recordConversation(anna, held, now))
      .then(conversation));

  it('refuses a conversation in the future or without minutes', () => {
    given(Case, opened, assigned)
      .when((c) => c.recordConversation(anna, { ...held, heldOn: '2026-03-03' }, now))
      .thenThrows(E.ConversationInvalidError);
    given(Case, opened, assigned)
      .when((c) => c.recordConversation(anna, { ...held, minutes: 0 }, now))
      .thenThrows(E.ConversationInvalidError);
  });

  it('refuses a summary that is not sealed', () =>
    given(Case, opened, assigned)
      .when((c) => c.recordConversation(anna, { ...held, sealedSummary: 'notes' }, now))
      .thenThrows(E.NotSealedError));

  it('shares a summary with the reporter for approval, once', () => {
    given(Case, opened, assigned, conversation)
      .when((c) => c.shareSummary(anna, 'conv-1', now))
      .then(shared);
    given(Case, opened, assigned, conversation, shared)
      .when((c) => c.shareSummary(anna, 'conv-1', now))
      .thenThrows(E.SummaryAlreadySharedError);
    given(Case, opened, assigned)
      .when((c) => c.shareSummary(anna, 'conv-9', now))
      .thenThrows(E.SummaryNotFoundError);
  });

  it('takes the reporter\u2019s approval once, only of a shared summary', () => {
    const approved: CaseEvent = { type: 'SummaryApproved', caseId, summaryId: 'conv-1', approvedAt: T0, version: 1 };
    given(Case, opened, assigned, conversation, shared)
      .when((c) => c.approveSummary('conv-1', now))
      .then(approved);
    given(Case, opened, assigned, conversation, shared, approved)
      .when((c) => c.approveSummary('conv-1', now))
      .then();
    given(Case, opened, assigned, conversation)
      .when((c) => c.approveSummary('conv-1', now))
      .thenThrows(E.SummaryNotSharedError);
  });

  it('takes the reporter\u2019s correction once', () => {
    const corrected: CaseEvent = {
      type: 'SummaryCorrected',
      caseId,
      summaryId: 'conv-1',
      sealedCorrection: sealed('fix'),
      correctedAt: T0,
      version: 1,
    };
    given(Case, opened, assigned, conversation, shared)
      .when((c) => c.correctSummary('conv-1', sealed('fix'), now))
      .then(corrected);
    given(Case, opened, assigned, conversation, shared, corrected)
      .when((c) => c.correctSummary('conv-1', sealed('fix'), now))
      .then();
  });
});

describe('Case: only the assigned advisor acts on content', () => {
  it.each<[string, (c: Case) => void]>([
    ['advice', (c) => c.giveAdvice(bram, 'a-1', sealed('advice'), now)],
    ['consent', (c) => c.recordConsent(bram, { consentId: 'c-1', scope: 'formal-report', conversationId: 'conv-1' }, now)],
    [
      'legal duty',
      (c) =>
        c.invokeLegalDuty(bram, { dutyId: 'd-1', reason: 'danger-to-life', scope: 'formal-report', sealedExplanation: sealed('x') }, now),
    ],
    ['summary revision', (c) => c.reviseSummary(bram, 'conv-1', sealed('v2'), now)],
    [
      'conversation',
      (c) =>
        c.recordConversation(
          bram,
          { conversationId: 'c', heldOn: '2026-03-01', minutes: 5, mode: 'phone', sealedSummary: sealed('s') },
          now,
        ),
    ],
    ['hours', (c) => c.logHours(bram, '2026-03-01', 30, 'advice', now)],
    ['message', (c) => c.sendMessage(bram, 'm-1', sealed('hi'), now)],
    ['closure', (c) => c.close(bram, 'referred', now)],
    ['transfer', (c) => c.offerHandover(bram, anna, sealed('why'), now)],
    ['aftercare', (c) => c.planAftercare(bram, 'ac-1', '2026-04-01', sealed('plan'), now)],
  ])('refuses %s by another advisor', (_name, command) =>
    given(Case, opened, assigned).when(command).thenThrows(E.NotAssignedAdvisorError),
  );

  it('gives sealed advice', () =>
    given(Case, opened, assigned)
      .when((c) => c.giveAdvice(anna, 'a-1', sealed('advice'), now))
      .then({ type: 'AdviceGiven', caseId, adviceId: 'a-1', advisorId: anna, sealedAdvice: sealed('advice'), givenAt: T0 }));

  it('sends a sealed message to the reporter, and takes the reporter\u2019s messages once', () => {
    given(Case, opened, assigned)
      .when((c) => c.sendMessage(anna, 'm-1', sealed('hi'), now))
      .then({ type: 'AdvisorMessageSent', caseId, messageId: 'm-1', advisorId: anna, sealedBody: sealed('hi'), sentAt: T0 });
    const received: CaseEvent = { type: 'ReporterMessageReceived', caseId, messageId: 'm-2', sealedBody: sealed('hello'), sentAt: T0 };
    given(Case, opened, assigned)
      .when((c) => c.receiveReporterMessage('m-2', sealed('hello'), T0))
      .then(received);
    given(Case, opened, assigned, received)
      .when((c) => c.receiveReporterMessage('m-2', sealed('hello'), T0))
      .then();
  });
});

describe('Case: aftercare, hours, transfer', () => {
  const planned: CaseEvent = {
    type: 'AftercarePlanned',
    caseId,
    aftercareId: 'ac-1',
    advisorId: anna,
    plannedFor: '2026-04-01',
    sealedPlan: sealed('plan'),
    plannedAt: T0,
  };

  it('plans and records aftercare', () => {
    given(Case, opened, assigned)
      .when((c) => c.planAftercare(anna, 'ac-1', '2026-04-01', sealed('plan'), now))
      .then(planned);
    given(Case, opened, assigned, planned)
      .when((c) => c.recordAftercare(anna, 'ac-1', sealed('note'), now))
      .then({ type: 'AftercareRecorded', caseId, aftercareId: 'ac-1', advisorId: anna, sealedNote: sealed('note'), recordedAt: T0 });
    given(Case, opened, assigned)
      .when((c) => c.recordAftercare(anna, 'ac-1', sealed('note'), now))
      .thenThrows(E.AftercareNotPlannedError);
  });

  it('logs hours: positive minutes, not in the future', () => {
    given(Case, opened, assigned)
      .when((c) => c.logHours(anna, '2026-03-02', 30, 'conversation', now))
      .then({
        type: 'HoursLogged',
        caseId,
        organisationId,
        advisorId: anna,
        workedOn: '2026-03-02',
        minutes: 30,
        activity: 'conversation',
        loggedAt: T0,
      });
    for (const minutes of [0, -15, 1.5, 24 * 60 + 1]) {
      given(Case, opened, assigned)
        .when((c) => c.logHours(anna, '2026-03-02', minutes, 'advice', now))
        .thenThrows(E.HoursNotPositiveError);
    }
    given(Case, opened, assigned)
      .when((c) => c.logHours(anna, '2026-03-03', 30, 'advice', now))
      .thenThrows(E.HoursInFutureError);
  });

  it('takes "today" as the Dutch calendar day: at 00:30 in Amsterdam (23:30 UTC) the new day has begun', () => {
    const justAfterMidnight = new Date('2026-03-02T23:30:00Z'); // 3 March, 00:30 in Amsterdam
    given(Case, opened, assigned)
      .when((c) => c.logHours(anna, '2026-03-03', 30, 'advice', justAfterMidnight))
      .then({
        type: 'HoursLogged',
        caseId,
        organisationId,
        advisorId: anna,
        workedOn: '2026-03-03',
        minutes: 30,
        activity: 'advice',
        loggedAt: justAfterMidnight.toISOString(),
      });
    given(Case, opened, assigned)
      .when((c) => c.recordConversation(anna, { ...held, heldOn: '2026-03-03' }, justAfterMidnight))
      .then({
        type: 'ConversationRecorded',
        caseId,
        advisorId: anna,
        ...held,
        heldOn: '2026-03-03',
        recordedAt: justAfterMidnight.toISOString(),
      });
    given(Case, opened, assigned)
      .when((c) => c.logHours(anna, '2026-03-04', 30, 'advice', justAfterMidnight))
      .thenThrows(E.HoursInFutureError);
  });

  const offered: CaseEvent = {
    type: 'CaseHandoverOffered',
    caseId,
    fromAdvisorId: anna,
    toAdvisorId: bram,
    sealedReason: sealed('leave'),
    offeredAt: T0,
  };

  it('hands over only when the colleague accepts: until then the case stays with its advisor (defect 10)', () => {
    given(Case, opened, assigned, conversation)
      .when((c) => c.offerHandover(anna, bram, sealed('leave'), now))
      .then(offered);
    const waiting = given(Case, opened, assigned, offered);
    expect(waiting.aggregate.state.advisorId).toBe(anna);
    given(Case, opened, assigned, offered)
      .when((c) => c.acknowledge(anna, now))
      .then({ type: 'CaseAcknowledged', caseId, advisorId: anna, acknowledgedAt: T0 });
    given(Case, opened, assigned, offered)
      .when((c) => c.acknowledge(bram, now))
      .thenThrows(E.NotAssignedAdvisorError);
    given(Case, opened, assigned, offered)
      .when((c) => c.offerHandover(anna, carla, sealed('again'), now))
      .thenThrows(E.HandoverPendingError);
    given(Case, opened, assigned, offered)
      .when((c) => c.declineHandover(bram, now))
      .then({ type: 'CaseHandoverDeclined', caseId, toAdvisorId: bram, declinedAt: T0 });
    given(Case, opened, assigned, offered)
      .when((c) => c.acceptHandover(carla, now))
      .thenThrows(E.NotAssignedAdvisorError);
  });

  it('refuses a handover to nobody: the nil UUID, something that is not an id, or the same advisor', () => {
    for (const nobody of ['00000000-0000-0000-0000-000000000000', 'not-an-id']) {
      given(Case, opened, assigned)
        .when((c) => c.offerHandover(anna, nobody, sealed('x'), now))
        .thenThrows(E.AdvisorCannotActError);
      given(Case, opened)
        .when((c) => c.assign(nobody, carla, now))
        .thenThrows(E.AdvisorCannotActError);
    }
    given(Case, opened, assigned)
      .when((c) => c.offerHandover(anna, anna, sealed('x'), now))
      .thenThrows(E.TransferToSameAdvisorError);
  });

  it('transfers on acceptance and keeps the history: the new advisor acts, the old one no longer', () => {
    const transferred: CaseEvent = {
      type: 'CaseTransferred',
      caseId,
      fromAdvisorId: anna,
      toAdvisorId: bram,
      sealedReason: sealed('leave'),
      transferredAt: T0,
    };
    given(Case, opened, assigned, conversation, offered)
      .when((c) => c.acceptHandover(bram, now))
      .then(transferred);
    const after = given(Case, opened, assigned, conversation, offered, transferred);
    expect(after.aggregate.state.summaries.has('conv-1')).toBe(true);
    after.when((c) => c.shareSummary(bram, 'conv-1', now)).then({ ...shared, advisorId: bram } as CaseEvent);
    given(Case, opened, assigned, offered, transferred)
      .when((c) => c.acknowledge(anna, now))
      .thenThrows(E.NotAssignedAdvisorError);
  });
});
