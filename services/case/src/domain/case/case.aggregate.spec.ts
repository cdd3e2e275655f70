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
  it('records a missed deadline once', () => {
    const missed = {
      type: 'DeadlineMissed',
      caseId,
      deadline: 'acknowledgement',
      dueAt: '2026-03-08T20:00:00.000Z',
      advisorId: anna,
      detectedAt: T0,
    } as const;
    given(Case, opened, assigned)
      .when((c) => c.markDeadlineMissed('acknowledgement', missed.dueAt, now))
      .then(missed);
    given(Case, opened, assigned, missed)
      .when((c) => c.markDeadlineMissed('acknowledgement', missed.dueAt, now))
      .then();
  });

  it('records none on a closed, withdrawn or erased case (the watch may look before the read model saw the end)', () => {
    const withdrawn = { type: 'ReportWithdrawn', caseId, withdrawnAt: T0 } as const;
    for (const end of [[closed], [withdrawn], [erased], [closed, erased]]) {
      given(Case, opened, assigned, ...end)
        .when((c) => c.markDeadlineMissed('feedback', T0, now))
        .then();
    }
  });

  it('records one again on a reopened case that had not missed it yet', () => {
    const reopened = { type: 'CaseReopened', caseId, advisorId: anna, reopenedAt: T0 } as const;
    given(Case, opened, assigned, closed, reopened)
      .when((c) => c.markDeadlineMissed('feedback', T0, now))
      .then({ type: 'DeadlineMissed', caseId, deadline: 'feedback', dueAt: T0, advisorId: anna, detectedAt: T0 });
  });
});
