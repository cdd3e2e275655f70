import { given } from '@vertrouwd/domain';
import { CaseMatch, CaseMatchNotFoundError } from './case-match.aggregate';
import type { CaseMatchEvent, CounsellorMatched, NoCounsellorAvailable } from './case-match.events';
import { decide, type Decision, type MatchRequest } from './match-rules';
import { agencyId, anna, bram, candidate, carla, caseId, organisationId, request } from './match.fixtures';

const T0 = '2026-03-02T09:00:00.000Z';
const T1 = '2026-03-02T10:00:00.000Z';
const now = new Date(T0);
const first = request();
const appointment = { primaryId: anna, substituteId: bram };
const firstDecision = decide(first, appointment, [candidate(anna), candidate(bram), candidate(carla)]);

const matched = (round: number, counsellorId: string, req: MatchRequest, decision: Decision): CounsellorMatched => ({
  type: 'CounsellorMatched',
  caseId,
  agencyId,
  organisationId,
  round,
  counsellorId,
  tier: decision.chosen!.tier,
  request: req,
  decision,
  matchedAt: T0,
});
const nobody = (round: number, reason: NoCounsellorAvailable['reason'], req: MatchRequest, decision: Decision): NoCounsellorAvailable => ({
  type: 'NoCounsellorAvailable',
  caseId,
  agencyId,
  organisationId,
  round,
  reason,
  request: req,
  decision,
  decidedAt: T0,
});
const declined = (
  counsellorId: string,
  round: number,
  conflictWith: 'organisation' | 'people-in-case' = 'people-in-case',
): CaseMatchEvent => ({
  type: 'MatchDeclined',
  caseId,
  counsellorId,
  round,
  conflictWith,
  declinedAt: T1,
});
const round1 = matched(1, anna, first, firstDecision);

describe('CaseMatch: a decision per round', () => {
  it('records a match as round 1, with the request and its explanation', () =>
    given(CaseMatch)
      .when((m) => m.decide(first, firstDecision, now))
      .then(round1));

  it("says why nobody could take the case: nobody there, everyone excluded, or the reporter's choice unavailable", () => {
    const none = decide(first, {}, []);
    given(CaseMatch)
      .when((m) => m.decide(first, none, now))
      .then(nobody(1, 'no-counsellors', first, none));
    const excluded = decide({ ...first, language: 'tr' }, appointment, [candidate(anna), candidate(bram)]);
    given(CaseMatch)
      .when((m) => m.decide({ ...first, language: 'tr' }, excluded, now))
      .then(nobody(1, 'all-excluded', { ...first, language: 'tr' }, excluded));
    const chosen = { ...first, preferredCounsellorId: carla };
    const unavailable = decide(chosen, appointment, [candidate(anna), candidate(bram)]);
    given(CaseMatch)
      .when((m) => m.decide(chosen, unavailable, now))
      .then(nobody(1, 'chosen-unavailable', chosen, unavailable));
  });

  it('numbers the next decision round 2, and holds the newly matched counsellor', () => {
    const second = { ...first, declinedIds: [anna] };
    const secondDecision = decide(second, appointment, [candidate(anna), candidate(bram)]);
    const m = given(CaseMatch, round1, declined(anna, 1));
    m.when((c) => c.decide(second, secondDecision, now)).then(matched(2, bram, second, secondDecision));
    expect(given(CaseMatch, round1, declined(anna, 1), matched(2, bram, second, secondDecision)).aggregate.state).toMatchObject({
      round: 2,
      counsellorId: bram,
      declinedIds: [anna],
    });
  });

  it('holds nobody after a round in which nobody was available', () =>
    expect(given(CaseMatch, round1, declined(anna, 1), nobody(2, 'all-excluded', first, firstDecision)).aggregate.state).toMatchObject({
      round: 2,
      counsellorId: undefined,
    }));
});

describe('CaseMatch: a decline', () => {
  it('records the decline of the matched counsellor and asks for a new round', () => {
    let again: boolean | undefined;
    given(CaseMatch, round1)
      .when((m) => (again = m.decline(anna, 'people-in-case', new Date(T1))))
      .then(declined(anna, 1));
    expect(again).toBe(true);
    expect(given(CaseMatch, round1, declined(anna, 1)).aggregate.state).toMatchObject({ counsellorId: undefined, declinedIds: [anna] });
  });

  it('records a conflict with the organisation as such', () =>
    given(CaseMatch, round1)
      .when((m) => m.decline(anna, 'organisation', new Date(T1)))
      .then(declined(anna, 1, 'organisation')));

  it('changes nothing, and asks for no new round, when the same counsellor declines twice', () => {
    let again: boolean | undefined;
    given(CaseMatch, round1, declined(anna, 1))
      .when((m) => (again = m.decline(anna, 'people-in-case', new Date(T1))))
      .then();
    expect(again).toBe(false);
  });

  it("asks for a new round when the counsellor the coordinator assigned over matching's choice declines, never offering them the case again", () => {
    let again: boolean | undefined;
    given(CaseMatch, round1)
      .when((m) => (again = m.decline(bram, 'people-in-case', new Date(T1))))
      .then(declined(bram, 1));
    // The case service unassigned bram and waits: without a new round the case would wait for nobody.
    expect(again).toBe(true);
    const m = given(CaseMatch, round1, declined(bram, 1)).aggregate;
    expect(m.nextRequest().declinedIds).toEqual([bram]);
    const next = decide(m.nextRequest(), appointment, [candidate(anna), candidate(bram), candidate(carla)]);
    expect(next.chosen).toEqual({ counsellorId: anna, tier: 'primary' });
  });

  it('refuses a decline of a case matching has not decided', () =>
    given(CaseMatch)
      .when((m) => m.decline(anna, 'people-in-case', now))
      .thenThrows(CaseMatchNotFoundError));
});

describe('CaseMatch: the next round', () => {
  it("asks the first round's question without everyone who declined", () => {
    const m = given(
      CaseMatch,
      round1,
      declined(anna, 1),
      matched(2, bram, { ...first, declinedIds: [anna] }, firstDecision),
      declined(bram, 2),
    ).aggregate;
    expect(m.nextRequest()).toEqual({ ...first, declinedIds: [anna, bram] });
  });

  it('matches somebody else in the next round: the decliner is excluded', () => {
    const m = given(CaseMatch, round1, declined(anna, 1)).aggregate;
    const next = decide(m.nextRequest(), appointment, [candidate(anna), candidate(bram), candidate(carla)]);
    expect(next.chosen).toEqual({ counsellorId: bram, tier: 'substitute' });
    expect(next.named[0]).toEqual({ counsellorId: anna, tier: 'primary', excludedBy: ['declined'] });
  });

  it('has no next round for a case matching has not decided', () =>
    expect(() => given(CaseMatch).aggregate.nextRequest()).toThrow(CaseMatchNotFoundError));
});
