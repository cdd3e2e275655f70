import { given } from '@vertrouwd/domain';
import { Case } from './case.aggregate';
import * as E from './case.errors';
import {
  T0,
  acknowledged,
  agencyId,
  anna,
  assigned,
  at,
  bram,
  carla,
  caseId,
  closed,
  erased,
  opened,
  openedWith,
  organisationId,
  sealed,
} from './case.fixtures';

const now = at(T0);
const report = {
  caseId,
  agencyId,
  organisationId,
  theme: 'bullying',
  relation: 'manager',
  anonymity: 'anonymous',
  receivedAt: '2026-03-01T20:00:00.000Z',
  sealedAccount: sealed('account'),
} as const;

describe('Case: opening and assignment', () => {
  it('opens from a submitted report, waiting for an advisor', () =>
    given(Case)
      .when((c) => c.open(report, at('2026-03-01T20:00:01.000Z')))
      .then(opened));

  it("keeps what the reporter asked for (language, a counsellor's gender and kind) in the opened case", () =>
    given(Case)
      .when((c) =>
        c.open(
          { ...report, language: 'tr', preferredAdvisorGender: 'female', preferredAdvisorKind: 'external' },
          at('2026-03-01T20:00:01.000Z'),
        ),
      )
      .then({ ...opened, language: 'tr', preferredAdvisorGender: 'female', preferredAdvisorKind: 'external' }));

  it('refuses to open twice', () =>
    given(Case, opened)
      .when((c) => c.open(report, now))
      .thenThrows(E.CaseAlreadyOpenedError));

  it('refuses an account that is not sealed', () =>
    given(Case)
      .when((c) => c.open({ ...report, sealedAccount: 'plain words' }, now))
      .thenThrows(E.NotSealedError));

  it('is waiting for assignment until an advisor is assigned', () => {
    expect(given(Case, opened).aggregate.state.status).toBe('waiting-for-assignment');
    expect(given(Case, opened, assigned).aggregate.state.status).toBe('open');
  });

  it('assigns an advisor (the coordinator)', () =>
    given(Case, opened)
      .when((c) => c.assign(anna, carla, now))
      .then(assigned));

  it('lets the coordinator override the assignment', () =>
    given(Case, opened, assigned)
      .when((c) => c.assign(bram, carla, now))
      .then({ type: 'AdvisorAssigned', caseId, advisorId: bram, assignedBy: carla, assignedAt: T0 }));

  it('changes nothing when the same advisor is assigned again', () =>
    given(Case, opened, assigned)
      .when((c) => c.assign(anna, carla, now))
      .then());

  it('refuses an assignment on a closed case', () =>
    given(Case, opened, assigned, closed)
      .when((c) => c.assign(bram, carla, now))
      .thenThrows(E.CaseClosedError));
});

describe('Case: acknowledgement', () => {
  it('acknowledges a newly assigned case', () =>
    given(Case, opened, assigned)
      .when((c) => c.acknowledge(anna, now))
      .then(acknowledged));

  it('refuses an advisor who is not assigned', () =>
    given(Case, opened, assigned)
      .when((c) => c.acknowledge(bram, now))
      .thenThrows(E.NotAssignedAdvisorError));

  it('refuses an unassigned case', () =>
    given(Case, opened)
      .when((c) => c.acknowledge(anna, now))
      .thenThrows(E.NotAssignedAdvisorError));

  it('acknowledges once', () =>
    given(Case, opened, assigned, acknowledged)
      .when((c) => c.acknowledge(anna, now))
      .thenThrows(E.CaseAlreadyAcknowledgedError));

  it('refuses a command on a case that was never opened', () =>
    given(Case)
      .when((c) => c.acknowledge(anna, now))
      .thenThrows(E.CaseNotOpenedError));
});

describe('Case: closing, reopening, withdrawal', () => {
  it('closes with an outcome', () =>
    given(Case, opened, assigned)
      .when((c) => c.close(anna, 'settled-informally', now))
      .then(closed));

  it('refuses anything but reopen or erase on a closed case', () => {
    given(Case, opened, assigned, closed)
      .when((c) => c.giveAdvice(anna, 'a-1', sealed('advice'), now))
      .thenThrows(E.CaseClosedError);
    given(Case, opened, assigned, closed)
      .when((c) => c.logHours(anna, '2026-03-02', 30, 'advice', now))
      .thenThrows(E.CaseClosedError);
    given(Case, opened, assigned, closed)
      .when((c) => c.close(anna, 'referred', now))
      .thenThrows(E.CaseClosedError);
  });

  it('reopens a closed case', () =>
    given(Case, opened, assigned, closed)
      .when((c) => c.reopen(anna, now))
      .then({ type: 'CaseReopened', caseId, advisorId: anna, reopenedAt: T0 }));

  it('reopens only a closed case', () =>
    given(Case, opened, assigned)
      .when((c) => c.reopen(anna, now))
      .thenThrows(E.CaseNotClosedError));

  it('reopens only by the assigned advisor', () =>
    given(Case, opened, assigned, closed)
      .when((c) => c.reopen(bram, now))
      .thenThrows(E.NotAssignedAdvisorError));

  it('tells another advisor nothing about the status when reopening (open, closed or erased all read as not theirs)', () => {
    given(Case, opened, assigned)
      .when((c) => c.reopen(bram, now))
      .thenThrows(E.NotAssignedAdvisorError);
    given(Case, opened, assigned, erased)
      .when((c) => c.reopen(bram, now))
      .thenThrows(E.NotAssignedAdvisorError);
  });

  it('closes as withdrawn when the reporter withdraws', () => {
    const withdrawn = { type: 'ReportWithdrawn', caseId, withdrawnAt: T0 } as const;
    given(Case, opened, assigned)
      .when((c) => c.withdraw(now))
      .then(withdrawn);
    expect(given(Case, opened, assigned, withdrawn).aggregate.state).toMatchObject({ status: 'closed', outcome: 'withdrawn' });
  });

  it('ignores a withdrawal of a closed case (a redelivery)', () =>
    given(Case, opened, assigned, closed)
      .when((c) => c.withdraw(now))
      .then());
});

describe('Case: erasure', () => {
  it('is erased by an admin', () =>
    given(Case, opened, assigned)
      .when((c) => c.erase({ kind: 'admin' }, now))
      .then(erased));

  it('is erased by the assigned advisor on the reporter\u2019s request, even when closed', () =>
    given(Case, opened, assigned, closed)
      .when((c) => c.erase({ kind: 'advisor', advisorId: anna }, now))
      .then(erased));

  it('refuses an erasure by another advisor, without telling whether the case was erased before', () => {
    given(Case, opened, assigned)
      .when((c) => c.erase({ kind: 'advisor', advisorId: bram }, now))
      .thenThrows(E.NotAssignedAdvisorError);
    given(Case, opened, assigned, erased)
      .when((c) => c.erase({ kind: 'advisor', advisorId: bram }, now))
      .thenThrows(E.NotAssignedAdvisorError);
  });

  it('is erased by retention only when closed', () => {
    given(Case, opened, assigned, closed)
      .when((c) => c.erase({ kind: 'retention' }, now))
      .then({ ...erased, reason: 'retention' });
    given(Case, opened, assigned)
      .when((c) => c.erase({ kind: 'retention' }, now))
      .thenThrows(E.CaseNotClosedError);
  });

  it('refuses everything once erased', () => {
    given(Case, opened, assigned, erased)
      .when((c) => c.acknowledge(anna, now))
      .thenThrows(E.CaseErasedError);
    given(Case, opened, assigned, erased)
      .when((c) => c.reopen(anna, now))
      .thenThrows(E.CaseErasedError);
    given(Case, opened, assigned, erased)
      .when((c) => c.erase({ kind: 'admin' }, now))
      .thenThrows(E.CaseErasedError);
    given(Case, opened, assigned, erased)
      .when((c) => c.assign(bram, carla, now))
      .thenThrows(E.CaseErasedError);
    given(Case, opened, assigned, erased)
      .when((c) => c.receiveReporterMessage('m-1', sealed('m'), T0))
      .thenThrows(E.CaseErasedError);
  });
});

describe('Case: missed deadlines', () => {
  // Received 1 March 21:00 in Amsterdam: acknowledgement due by the end of 8 March, Amsterdam time.
  const ackDue = '2026-03-08T22:59:59.999Z';
  const afterAckDue = at('2026-03-08T23:00:00.000Z');
  const missedAck = (regime: 'wbk' | 'service-standard') =>
    ({
      type: 'DeadlineMissed',
      caseId,
      deadline: 'acknowledgement',
      dueAt: ackDue,
      regime,
      advisorId: anna,
      detectedAt: afterAckDue.toISOString(),
    }) as const;
  // Acknowledged at T0: feedback due by the end of 2 June (summer time), whatever was said before.
  const feedbackDue = '2026-06-02T21:59:59.999Z';
  const afterFeedbackDue = at('2026-06-02T22:00:00.000Z');

  it('records a missed deadline once, under the regime of the case', () => {
    given(Case, opened, assigned)
      .when((c) => c.markDeadlineMissed('acknowledgement', afterAckDue))
      .then(missedAck('service-standard'));
    given(Case, opened, assigned, missedAck('service-standard'))
      .when((c) => c.markDeadlineMissed('acknowledgement', afterAckDue))
      .then();
  });

  it('keeps the law on an integrity report, and on a consultation once it became a formal report', () => {
    given(Case, openedWith('corruption'), assigned)
      .when((c) => c.markDeadlineMissed('acknowledgement', afterAckDue))
      .then(missedAck('wbk'));
    const formal = { type: 'FormalReportSupported', caseId, advisorId: anna, supportedAt: T0 } as const;
    given(Case, opened, assigned, formal)
      .when((c) => c.markDeadlineMissed('acknowledgement', afterAckDue))
      .then(missedAck('wbk'));
  });

  it('records none before the due time, nor when the step came in time (the case has the last word over the watch)', () => {
    given(Case, opened, assigned)
      .when((c) => c.markDeadlineMissed('acknowledgement', at(ackDue)))
      .then();
    given(Case, opened, assigned, acknowledged)
      .when((c) => c.markDeadlineMissed('acknowledgement', afterAckDue))
      .then();
    const feedback = {
      type: 'FeedbackGiven',
      caseId,
      feedbackId: 'f',
      advisorId: anna,
      sealedFeedback: sealed('f'),
      givenAt: feedbackDue,
    } as const;
    given(Case, opened, assigned, acknowledged, feedback)
      .when((c) => c.markDeadlineMissed('feedback', afterFeedbackDue))
      .then();
  });

  it('records none once the clocks stopped: the reporter withdrew, or the case was erased', () => {
    const withdrawn = { type: 'ReportWithdrawn', caseId, withdrawnAt: T0 } as const;
    for (const end of [[withdrawn], [erased], [closed, erased]]) {
      given(Case, opened, assigned, ...end)
        .when((c) => c.markDeadlineMissed('feedback', afterFeedbackDue))
        .then();
    }
  });

  it('records a missed feedback on a case closed without feedback: a closure is not feedback', () =>
    given(Case, opened, assigned, acknowledged, closed)
      .when((c) => c.markDeadlineMissed('feedback', afterFeedbackDue))
      .then({
        type: 'DeadlineMissed',
        caseId,
        deadline: 'feedback',
        dueAt: feedbackDue,
        regime: 'service-standard',
        advisorId: anna,
        detectedAt: afterFeedbackDue.toISOString(),
      }));
});

describe('Case: feedback', () => {
  const feedback = { feedbackId: 'f-1', sealedFeedback: sealed('what was done') };

  it('is given by the assigned advisor after the acknowledgement, sealed', () => {
    given(Case, opened, assigned, acknowledged)
      .when((c) => c.giveFeedback(anna, feedback, now))
      .then({ type: 'FeedbackGiven', caseId, advisorId: anna, ...feedback, givenAt: T0 });
    given(Case, opened, assigned)
      .when((c) => c.giveFeedback(anna, feedback, now))
      .thenThrows(E.FeedbackBeforeAcknowledgementError);
    given(Case, opened, assigned, acknowledged)
      .when((c) => c.giveFeedback(bram, feedback, now))
      .thenThrows(E.NotAssignedAdvisorError);
    given(Case, opened, assigned, acknowledged)
      .when((c) => c.giveFeedback(anna, { feedbackId: 'f-1', sealedFeedback: 'in clear' }, now))
      .thenThrows(E.NotSealedError);
  });

  it('can come with the closure, before it', () =>
    given(Case, opened, assigned, acknowledged)
      .when((c) => c.close(anna, 'settled-informally', now, feedback))
      .then(
        { type: 'FeedbackGiven', caseId, advisorId: anna, ...feedback, givenAt: T0 },
        { type: 'CaseClosed', caseId, advisorId: anna, outcome: 'settled-informally', closedAt: T0 },
      ));
});

describe('Case: a withdrawn report is the reporter\u2019s to resume (defect 7)', () => {
  const withdrawn = { type: 'ReportWithdrawn', caseId, withdrawnAt: T0 } as const;

  it('refuses the advisor a reopening, and so any message after it', () => {
    given(Case, opened, assigned, withdrawn)
      .when((c) => c.reopen(anna, now))
      .thenThrows(E.CaseWithdrawnError);
    given(Case, opened, assigned, withdrawn)
      .when((c) => c.sendMessage(anna, 'm', sealed('hello?'), now))
      .thenThrows(E.CaseClosedError);
  });

  it('opens again when the reporter resumes it, with its advisor; a redelivered resumption changes nothing', () => {
    const resumed = { type: 'ReportResumed', caseId, resumedAt: '2026-03-20T10:00:00.000Z' } as const;
    given(Case, opened, assigned, withdrawn)
      .when((c) => c.resume(resumed.resumedAt))
      .then(resumed);
    const after = given(Case, opened, assigned, withdrawn, resumed);
    expect(after.aggregate.state.status).toBe('open');
    after
      .when((c) => c.sendMessage(anna, 'm', sealed('welcome back'), now))
      .then({
        type: 'AdvisorMessageSent',
        caseId,
        messageId: 'm',
        advisorId: anna,
        sealedBody: sealed('welcome back'),
        sentAt: T0,
      });
    given(Case, opened, assigned, withdrawn, resumed)
      .when((c) => c.resume(resumed.resumedAt))
      .then();
    given(Case, opened, assigned)
      .when((c) => c.resume(resumed.resumedAt))
      .then();
  });

  it('starts the clocks anew from the resumption: acknowledged again within 7 days of it', () => {
    const resumed = { type: 'ReportResumed', caseId, resumedAt: '2026-03-20T10:00:00.000Z' } as const;
    given(Case, opened, assigned, acknowledged, withdrawn, resumed)
      .when((c) => c.markDeadlineMissed('acknowledgement', at('2026-03-27T22:59:59.999Z')))
      .then();
    given(Case, opened, assigned, acknowledged, withdrawn, resumed)
      .when((c) => c.markDeadlineMissed('acknowledgement', at('2026-03-27T23:00:00.000Z')))
      .then({
        type: 'DeadlineMissed',
        caseId,
        deadline: 'acknowledgement',
        dueAt: '2026-03-27T22:59:59.999Z',
        regime: 'service-standard',
        advisorId: anna,
        detectedAt: '2026-03-27T23:00:00.000Z',
      });
  });
});

describe('Case: identity reveal under dual control', () => {
  const known = { ...openedWith('bullying'), anonymity: 'known-to-advisor', sealedIdentity: sealed('who') } as const;
  const request = (viewerId: string) => ({ revealId: 'r-1', viewerId, sealedReason: sealed('why') });
  const requested = (viewerId: string) =>
    ({
      type: 'IdentityRevealRequested',
      caseId,
      revealId: 'r-1',
      advisorId: anna,
      viewerId,
      sealedReason: sealed('why'),
      requestedAt: T0,
    }) as const;

  it('lets the agreement at intake approve the assigned advisor at once, as its own event', () =>
    given(Case, known, assigned)
      .when((c) => c.requestReveal(anna, request(anna), now))
      .then(requested(anna), {
        type: 'IdentityRevealDecided',
        caseId,
        revealId: 'r-1',
        decision: 'approved',
        decidedBy: 'intake-agreement',
        decidedAt: T0,
      }));

  it('lets a colleague see it only after the reporter approves; a refusal stays a refusal', () => {
    given(Case, known, assigned)
      .when((c) => c.requestReveal(anna, request(bram), now))
      .then(requested(bram));
    const pending = given(Case, known, assigned, requested(bram));
    expect(pending.aggregate.mayReveal(bram)).toBe(false);
    const refused = {
      type: 'IdentityRevealDecided',
      caseId,
      revealId: 'r-1',
      decision: 'refused',
      decidedBy: 'reporter',
      decidedAt: T0,
    } as const;
    given(Case, known, assigned, requested(bram))
      .when((c) => c.answerReveal('r-1', 'refused', T0))
      .then(refused);
    const after = given(Case, known, assigned, requested(bram), refused);
    expect(after.aggregate.mayReveal(bram)).toBe(false);
    after.when((c) => c.answerReveal('r-1', 'approved', T0)).then();
    const approved = given(Case, known, assigned, requested(bram), { ...refused, decision: 'approved' });
    expect(approved.aggregate.mayReveal(bram)).toBe(true);
    expect(approved.aggregate.mayReveal(anna)).toBe(false);
  });

  it('has nothing to reveal of an anonymous reporter, and refuses anyone but the assigned advisor', () => {
    given(Case, opened, assigned)
      .when((c) => c.requestReveal(anna, request(anna), now))
      .thenThrows(E.NoIdentityToRevealError);
    given(Case, known, assigned)
      .when((c) => c.requestReveal(bram, request(bram), now))
      .thenThrows(E.NotAssignedAdvisorError);
    given(Case, known, assigned)
      .when((c) => c.answerReveal('r-unknown', 'approved', T0))
      .thenThrows(E.RevealNotFoundError);
  });
});

describe('Case: peer consultation (intervisie)', () => {
  const asked = {
    type: 'PeerConsultationRequested',
    caseId,
    consultationId: 'q-1',
    advisorId: anna,
    colleagueId: bram,
    sealedQuestion: sealed('q'),
    requestedAt: T0,
  } as const;

  it('is asked by the assigned advisor of a colleague, and answered once by that colleague only', () => {
    given(Case, opened, assigned)
      .when((c) => c.requestConsultation(anna, 'q-1', bram, sealed('q'), now))
      .then(asked);
    given(Case, opened, assigned)
      .when((c) => c.requestConsultation(anna, 'q-1', anna, sealed('q'), now))
      .thenThrows(E.ConsultationOfSelfError);
    const answered = {
      type: 'PeerConsultationAnswered',
      caseId,
      consultationId: 'q-1',
      colleagueId: bram,
      sealedAnswer: sealed('a'),
      answeredAt: T0,
    } as const;
    given(Case, opened, assigned, asked)
      .when((c) => c.answerConsultation(bram, 'q-1', sealed('a'), now))
      .then(answered);
    given(Case, opened, assigned, asked)
      .when((c) => c.answerConsultation(carla, 'q-1', sealed('a'), now))
      .thenThrows(E.ConsultationNotFoundError);
    given(Case, opened, assigned, asked, answered)
      .when((c) => c.answerConsultation(bram, 'q-1', sealed('a'), now))
      .thenThrows(E.ConsultationAlreadyAnsweredError);
  });
});
