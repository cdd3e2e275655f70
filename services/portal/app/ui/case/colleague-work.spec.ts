import type { CaseEntry, CaseView } from '../../api/case.server';
import { colleagueWorkOf, consultationsOf } from './colleague-work';

// What the case page says about identity reveals and handovers comes from the case's history as the case service
// gives it to the advisor: the identity only when the service opened it, a handover open until something answers it.
let version = 0;
const entry = (type: string, data: Record<string, unknown>): CaseEntry => ({
  type,
  version: (version += 1),
  recordedAt: '2026-11-20T10:00:00.000Z',
  data,
});
const view = (history: CaseEntry[]): CaseView => ({ caseId: 'c', status: 'open', history });
const ANNA = 'a0000000-0000-4000-8000-000000000001';
const BRAM = 'b0000000-0000-4000-8000-000000000002';
const R1 = '11111111-1111-4111-8111-111111111111';
const R2 = '22222222-2222-4222-8222-222222222222';
const opened = (sealedIdentity?: unknown) =>
  entry('CaseOpened', { caseId: 'c', ...(sealedIdentity !== undefined ? { sealedIdentity } : {}) });
const offered = entry('CaseHandoverOffered', { toAdvisorId: BRAM, sealedReason: 'away', offeredAt: '2026-11-21T09:00:00.000Z' });

describe('the work with colleagues shown on the case page', () => {
  it('an anonymous report has no identity; a known one is not shown until the service opens it for this advisor', () => {
    expect(colleagueWorkOf(view([opened()])).identity).toEqual({ shown: undefined, given: false });
    expect(colleagueWorkOf(view([opened({ notRevealed: true })])).identity).toEqual({ shown: undefined, given: true });
    expect(colleagueWorkOf(view([opened({ erased: true })])).identity).toEqual({ shown: undefined, given: true });
    expect(colleagueWorkOf(view([opened({ name: 'Marieke' })])).identity).toEqual({ shown: 'Marieke', given: true });
  });

  it('each reveal asked, then decided by the reporter or the agreement at intake', () => {
    const history = [
      opened({ notRevealed: true }),
      entry('IdentityRevealRequested', { revealId: R1, viewerId: BRAM, sealedReason: 'needs it', requestedAt: '2026-11-20T10:00:00.000Z' }),
      entry('IdentityRevealRequested', {
        revealId: R2,
        viewerId: ANNA,
        sealedReason: { erased: true },
        requestedAt: '2026-11-20T11:00:00.000Z',
      }),
      entry('IdentityRevealDecided', {
        revealId: R2,
        decision: 'approved',
        decidedBy: 'intake-agreement',
        decidedAt: '2026-11-20T11:00:00.000Z',
      }),
    ];
    const { reveals } = colleagueWorkOf(view(history));
    expect(reveals).toEqual([
      { revealId: R1, viewerId: BRAM, reason: 'needs it', requestedAt: '2026-11-20T10:00:00.000Z', state: 'asked' },
      {
        revealId: R2,
        viewerId: ANNA,
        reason: undefined,
        requestedAt: '2026-11-20T11:00:00.000Z',
        state: 'approved',
        decidedBy: 'intake-agreement',
        decidedAt: '2026-11-20T11:00:00.000Z',
      },
    ]);
    const refused = entry('IdentityRevealDecided', {
      revealId: R1,
      decision: 'refused',
      decidedBy: 'reporter',
      decidedAt: '2026-11-22T08:00:00.000Z',
    });
    expect(colleagueWorkOf(view([...history, refused])).reveals[0]).toMatchObject({ state: 'refused', decidedBy: 'reporter' });
  });

  it('a handover waits until accepted, declined or overridden by an assignment; an accepted one is listed with its reason', () => {
    expect(colleagueWorkOf(view([opened(), offered])).handover).toEqual({ toAdvisorId: BRAM, offeredAt: '2026-11-21T09:00:00.000Z' });
    const declined = entry('CaseHandoverDeclined', { toAdvisorId: BRAM, declinedAt: '2026-11-21T10:00:00.000Z' });
    expect(colleagueWorkOf(view([opened(), offered, declined]))).toMatchObject({
      handover: undefined,
      declined: { toAdvisorId: BRAM, declinedAt: '2026-11-21T10:00:00.000Z' },
    });
    const assigned = entry('AdvisorAssigned', { advisorId: ANNA });
    expect(colleagueWorkOf(view([opened(), offered, assigned]))).toMatchObject({ handover: undefined, declined: undefined });
    const transferred = entry('CaseTransferred', {
      fromAdvisorId: ANNA,
      toAdvisorId: BRAM,
      sealedReason: 'away',
      transferredAt: '2026-11-21T11:00:00.000Z',
    });
    expect(colleagueWorkOf(view([opened(), offered, transferred]))).toMatchObject({
      handover: undefined,
      transfers: [{ fromAdvisorId: ANNA, reason: 'away', at: '2026-11-21T11:00:00.000Z' }],
    });
  });

  it('a consultation shows as asked and answered from the history at once, its texts once the list has them', () => {
    const C = '33333333-3333-4333-8333-333333333333';
    const asked = entry('PeerConsultationRequested', {
      consultationId: C,
      colleagueId: BRAM,
      sealedQuestion: { consultation: true },
      requestedAt: '2026-11-20T10:00:00.000Z',
    });
    const answered = entry('PeerConsultationAnswered', {
      consultationId: C,
      sealedAnswer: { consultation: true },
      answeredAt: '2026-11-21T10:00:00.000Z',
    });
    const listed = {
      consultationId: C,
      colleagueId: BRAM,
      requestedAt: '2026-11-20T10:00:00.000Z',
      question: 'Q?',
      answer: null,
      answeredAt: null,
    };
    // Just asked: not listed yet.
    expect(consultationsOf(view([opened(), asked]), [])).toEqual([
      { consultationId: C, colleagueId: BRAM, requestedAt: '2026-11-20T10:00:00.000Z', answeredAt: null, texts: undefined },
    ]);
    expect(consultationsOf(view([opened(), asked]), [listed])[0].texts).toEqual({ question: 'Q?', answer: undefined });
    // Answered, the list not there yet: the answer is said to come, not shown as missing.
    expect(consultationsOf(view([opened(), asked, answered]), [listed])[0]).toMatchObject({
      answeredAt: '2026-11-21T10:00:00.000Z',
      texts: undefined,
    });
    const both = { ...listed, answer: 'A.', answeredAt: '2026-11-21T10:00:00.000Z' };
    expect(consultationsOf(view([opened(), asked, answered]), [both])[0].texts).toEqual({ question: 'Q?', answer: 'A.' });
    // A consultation of another case in the list is not shown here.
    expect(consultationsOf(view([opened()]), [listed])).toEqual([]);
  });
});
