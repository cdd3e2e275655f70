import { randomUUID } from 'node:crypto';
import { ALL_CONTRACTS } from './all-contracts';
import { CaseClosedV1, CaseOpenedV1, ReferralMadeV1 } from './case/case.contracts';
import { topicOf, type IntegrationEvent } from './envelope';
import { OUTCOMES, REFERRAL_TYPES, THEMES } from './fields';
import { ContractRegistry } from './registry';

// The published lists grow at the end only: a consumer that stored a position or an older copy of a list still
// reads every value it knew as before. What was published first stays, in its order.
const PUBLISHED_FIRST = {
  THEMES: [
    'intimidation',
    'bullying',
    'aggression-and-violence',
    'discrimination',
    'sexual-harassment',
    'theft-or-fraud',
    'corruption',
    'extortion',
    'misuse-of-information-or-resources',
    'unacceptable-side-activities',
    'conflict-of-interest',
    'not-sure',
  ],
  REFERRAL_TYPES: [
    'hr',
    'management',
    'company-doctor',
    'lawyer',
    'mediator',
    'therapist-or-coach',
    'police',
    'whistleblowers-authority',
    'complaints-committee',
    'other',
  ],
  OUTCOMES: ['settled-informally', 'formal-complaint-filed', 'referred', 'withdrawn', 'no-further-contact'],
};

const registry = new ContractRegistry(ALL_CONTRACTS);
const envelope = (contract: { type: string; version: number }, payload: object): IntegrationEvent => ({
  eventId: randomUUID(),
  type: contract.type,
  version: contract.version,
  occurredAt: '2026-03-02T09:00:00.000Z',
  key: randomUUID(),
  correlationId: 'corr-1',
  causationId: 'cause-1',
  payload,
});

describe('the published vocabulary', () => {
  it.each(Object.entries({ THEMES, REFERRAL_TYPES, OUTCOMES }))('%s keeps its published values first, in order', (name, list) => {
    const first = PUBLISHED_FIRST[name as keyof typeof PUBLISHED_FIRST];
    expect(list.slice(0, first.length)).toEqual(first);
    expect(new Set(list).size).toBe(list.length);
  });

  it('names a wrong in the public interest, listening and advising as an outcome, and the referral targets of Dutch practice', () => {
    expect(THEMES).toContain('public-interest-wrongdoing');
    expect(OUTCOMES).toContain('listened-and-advised');
    expect(REFERRAL_TYPES).toEqual(
      expect.arrayContaining([
        'whistleblowers-advice-centre',
        'human-rights-institute',
        'labour-inspectorate',
        'trade-union',
        'legal-aid-desk',
        'general-practitioner',
        'social-work',
      ]),
    );
  });

  it('lets the contracts carry the new values', () => {
    const caseId = randomUUID();
    const opened = {
      caseId,
      agencyId: randomUUID(),
      organisationId: randomUUID(),
      theme: 'public-interest-wrongdoing',
      relation: 'colleague',
      anonymity: 'anonymous',
      receivedAt: '2026-03-02T09:00:00.000Z',
      openedAt: '2026-03-02T09:00:01.000Z',
    };
    expect(() => registry.validate(envelope(CaseOpenedV1, opened))).not.toThrow();
    const closed = { caseId, outcome: 'listened-and-advised', closedAt: '2026-03-09T09:00:00.000Z' };
    expect(() => registry.validate(envelope(CaseClosedV1, closed))).not.toThrow();
    const referred = { caseId, referralType: 'legal-aid-desk', referredAt: '2026-03-05T09:00:00.000Z' };
    expect(() => registry.validate(envelope(ReferralMadeV1, referred))).not.toThrow();
    expect(topicOf(CaseClosedV1)).toBe('case.case-closed.v1'); // still v1: appended values are compatible
  });
});
