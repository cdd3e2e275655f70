import type { CaseEntry, CaseView } from '../../api/case.server';
import { caseWorkOf } from './case-work';

// What the case page says about a summary, a consent and the hours comes from the case service's answer alone:
// the state of a summary follows the reporter's answer to the latest version, never an earlier one.
let version = 0;
const entry = (type: string, data: Record<string, unknown>): CaseEntry => ({
  type,
  version: (version += 1),
  recordedAt: '2026-11-20T10:00:00.000Z',
  data,
});
const S = '11111111-1111-4111-8111-111111111111';
const view = (history: CaseEntry[], extra: Partial<CaseView> = {}): CaseView => ({ caseId: 'c', status: 'open', history, ...extra });
const conversation = entry('ConversationRecorded', {
  conversationId: S,
  heldOn: '2026-11-19',
  minutes: 45,
  mode: 'phone',
  sealedSummary: 'first text',
});

describe('the case work shown on the case page', () => {
  it('a summary not shared yet, then shared and waiting for the reporter', () => {
    expect(caseWorkOf(view([conversation])).conversations[0].summary).toMatchObject({
      state: 'not-shared',
      version: null,
      text: 'first text',
    });
    const shared = entry('SummaryShared', { summaryId: S, sealedSummary: 'first text', version: 1, sharedAt: '2026-11-20T10:00:00.000Z' });
    const work = caseWorkOf(view([conversation, shared], { summaries: [{ summaryId: S, version: 1, approvedVersion: null }] }));
    expect(work.conversations[0].summary).toMatchObject({ state: 'awaiting-answer', version: 1 });
  });

  it('a revision after an approval waits again, with the approved version still named; a correction shows its text', () => {
    const history = [
      conversation,
      entry('SummaryShared', { summaryId: S, sealedSummary: 'first text', version: 1 }),
      entry('SummaryApproved', { summaryId: S, version: 1, approvedAt: '2026-11-21T09:00:00.000Z' }),
      entry('SummaryShared', { summaryId: S, sealedSummary: 'second text', version: 2 }),
    ];
    const revised = caseWorkOf(view(history, { summaries: [{ summaryId: S, version: 2, approvedVersion: 1 }] })).conversations[0].summary;
    expect(revised).toMatchObject({ state: 'awaiting-answer', version: 2, approvedVersion: 1, text: 'second text' });

    const corrected = [
      ...history,
      entry('SummaryCorrected', { summaryId: S, version: 2, sealedCorrection: 'it was Tuesday', correctedAt: 'x' }),
    ];
    const summary = caseWorkOf(view(corrected, { summaries: [{ summaryId: S, version: 2, approvedVersion: 1 }] })).conversations[0].summary;
    expect(summary.state).toBe('corrected');
    expect(summary.answers.at(-1)).toMatchObject({ kind: 'corrected', version: 2, correction: 'it was Tuesday', erased: false });
  });

  it('an erased text is marked erased, never shown as something else', () => {
    const erased = entry('ConversationRecorded', {
      conversationId: S,
      heldOn: '2026-11-19',
      minutes: 5,
      mode: 'chat',
      sealedSummary: { erased: true },
    });
    expect(caseWorkOf(view([erased])).conversations[0].summary.text).toBeUndefined();
  });

  it('consents name the conversation they were given in; hours add up; aftercare is done once recorded', () => {
    const work = caseWorkOf(
      view(
        [
          conversation,
          entry('ConsentRecorded', { consentId: 'k', conversationId: S, scope: 'referral', referralType: 'trade-union' }),
          entry('HoursLogged', { workedOn: '2026-11-19', minutes: 30, activity: 'conversation' }),
          entry('HoursLogged', { workedOn: '2026-11-20', minutes: 15, activity: 'administration' }),
          entry('AftercarePlanned', { aftercareId: 'a', plannedFor: '2027-01-10', sealedPlan: 'call' }),
          entry('AftercareRecorded', { aftercareId: 'a', sealedNote: 'called', recordedAt: '2027-01-10T10:00:00.000Z' }),
          entry('ReferralMade', { referralId: 'r', referralType: 'trade-union', consentId: 'k', referredAt: '2026-11-22T10:00:00.000Z' }),
        ],
        { consents: [{ consentId: 'k', scope: 'referral', referralType: 'trade-union', recordedBy: 'advisor', status: 'given' }] },
      ),
    );
    expect(work.consents).toEqual([expect.objectContaining({ consentId: 'k', status: 'given', heldOn: '2026-11-19' })]);
    expect(work.totalMinutes).toBe(45);
    expect(work.aftercare[0]).toMatchObject({ plan: 'call', done: { note: 'called' } });
    expect(work.referrals[0]).toMatchObject({ referralType: 'trade-union', basis: 'consent' });
  });

  it('a legal duty shows its step, reason, explanation and date; a referral under it says so; an erased explanation is marked', () => {
    const duty = { dutyId: 'd', reason: 'danger-to-life', scope: 'referral', referralType: 'police' };
    const history = [
      entry('LegalDutyInvoked', {
        ...duty,
        advisorId: 'a',
        sealedExplanation: 'threat to a colleague',
        invokedAt: '2026-11-23T08:00:00.000Z',
      }),
      entry('ReferralMade', { referralId: 'r', referralType: 'police', legalDutyId: 'd', referredAt: '2026-11-23T09:00:00.000Z' }),
    ];
    const work = caseWorkOf(view(history, { legalDuties: [duty] }));
    expect(work.legalDuties).toEqual([{ ...duty, explanation: 'threat to a colleague', at: '2026-11-23T08:00:00.000Z' }]);
    expect(work.referrals[0]).toMatchObject({ referralType: 'police', basis: 'legal-duty' });

    const erased = [entry('LegalDutyInvoked', { ...duty, sealedExplanation: { erased: true }, invokedAt: '2026-11-23T08:00:00.000Z' })];
    expect(caseWorkOf(view(erased, { legalDuties: [duty] })).legalDuties[0].explanation).toBeUndefined();
  });
});
