import type { LegalClock } from '../projections/legal-clocks/legal-clocks.read-model';
import type { AuditedCaseRow } from '../ports/audit-read-model.port';
import { auditedCase, hasMissed, instantsOf } from './audit-views.query';
import { complianceCounts } from './case-lists.query';

// The auditor's views as plain functions: a case's clocks as listed, "missed" as the filter means it, compliance
// counted over Amsterdam days, and a period of days as instants.

const at = (iso: string) => new Date(iso);

/** A clock received on 2 March 2026 (CET): acknowledgement due by the end of 9 March, 22:59:59.999 UTC. */
function clock(overrides: Partial<LegalClock> = {}): LegalClock {
  return {
    caseId: '00000000-0000-4000-8000-000000000001',
    agencyId: '00000000-0000-4000-8000-0000000000a1',
    advisorId: '00000000-0000-4000-8000-0000000000b1',
    receivedAt: at('2026-03-02T10:00:00Z'),
    acknowledgementDueAt: at('2026-03-09T22:59:59.999Z'),
    acknowledgedAt: null,
    feedbackDueAt: at('2026-06-09T21:59:59.999Z'),
    feedbackAt: null,
    acknowledgementMissed: false,
    feedbackMissed: false,
    regime: 'wbk',
    stoppedAt: null,
    active: true,
    ...overrides,
  };
}
const row = (c: LegalClock, status = 'open'): AuditedCaseRow => ({
  caseId: c.caseId,
  organisationId: '00000000-0000-4000-8000-0000000000c1',
  theme: 'corruption',
  status,
  closedAt: null,
  clock: c,
});

describe('the auditor\u2019s case entry', () => {
  it('given an acknowledgement on its last day, when listed, then it is met and the feedback still pending', () => {
    const view = auditedCase('audit-1', row(clock({ acknowledgedAt: at('2026-03-09T22:30:00Z') })), at('2026-03-20T00:00:00Z'));
    expect(view.clocks.acknowledgement).toEqual({
      deadline: 'acknowledgement',
      dueAt: '2026-03-09T22:59:59.999Z',
      state: 'met',
      metAt: '2026-03-09T22:30:00.000Z',
    });
    expect(view.clocks.feedback.state).toBe('pending');
    expect([view.acknowledgedAt, view.replay, hasMissed(view)]).toEqual([
      '2026-03-09T22:30:00.000Z',
      '/audits/audit-1/cases/00000000-0000-4000-8000-000000000001/replay',
      false,
    ]);
  });

  it('given no acknowledgement, when listed a millisecond after its due instant, then it is missed (and the filter keeps it)', () => {
    const view = auditedCase('audit-1', row(clock()), at('2026-03-09T23:00:00Z'));
    expect(view.clocks.acknowledgement.state).toBe('missed');
    expect(hasMissed(view)).toBe(true);
    expect(hasMissed(auditedCase('audit-1', row(clock()), at('2026-03-09T22:59:59.999Z')))).toBe(false);
  });

  it('given a withdrawal before the due day, when listed, then the clock is stopped, not missed', () => {
    const view = auditedCase('audit-1', row(clock({ stoppedAt: at('2026-03-04T08:00:00Z'), active: false })), at('2026-07-01T00:00:00Z'));
    expect([view.clocks.acknowledgement.state, view.clocks.feedback.state, hasMissed(view)]).toEqual(['stopped', 'stopped', false]);
  });
});

describe('deadline compliance over a period', () => {
  const now = at('2026-07-01T00:00:00Z');
  const clocks = [
    clock({ acknowledgedAt: at('2026-03-05T09:00:00Z'), feedbackDueAt: at('2026-06-05T21:59:59.999Z') }),
    clock({ caseId: '00000000-0000-4000-8000-000000000002', regime: 'service-standard' }),
  ];

  it('without a period, counts every deadline of every case by its state now', () => {
    const counts = complianceCounts(clocks, now);
    expect(counts.wbk).toEqual({
      acknowledgement: { met: 1, missed: 0, pending: 0, stopped: 0 },
      feedback: { met: 0, missed: 1, pending: 0, stopped: 0 },
    });
    expect(counts['service-standard'].acknowledgement.missed).toBe(1);
  });

  it('counts a deadline on the Amsterdam day it ends, though in UTC it ends at 22:59 that day', () => {
    const ninth = complianceCounts(clocks, now, { from: '2026-03-09', to: '2026-03-09' });
    expect([ninth.wbk.acknowledgement.met, ninth['service-standard'].acknowledgement.missed]).toEqual([1, 1]);
    expect([ninth.wbk.feedback.missed, ninth['service-standard'].feedback.missed]).toEqual([0, 0]);
    const tenth = complianceCounts(clocks, now, { from: '2026-03-10' });
    expect([tenth.wbk.acknowledgement.met, tenth.wbk.feedback.missed, tenth['service-standard'].feedback.missed]).toEqual([0, 1, 1]);
    const june = complianceCounts(clocks, now, { to: '2026-06-05' });
    expect([june.wbk.feedback.missed, june['service-standard'].feedback.missed]).toEqual([1, 0]);
  });
});

describe('a period of days as instants', () => {
  it('runs from local midnight of the first day to local midnight after the last, across the switch to summer time', () => {
    expect(instantsOf({ from: '2026-03-28', to: '2026-03-29' })).toEqual({
      from: at('2026-03-27T23:00:00Z'),
      to: at('2026-03-29T22:00:00Z'),
    });
    expect(instantsOf({})).toEqual({});
  });
});
