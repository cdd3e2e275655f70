import { given } from '@vertrouwd/domain';
import { Case } from './case.aggregate';
import * as E from './case.errors';
import type { CaseEvent } from './case.events';
import { T0, anna, assigned, at, caseId, consentToReferral, conversation, opened, openedWith, sealed } from './case.fixtures';

// Defect 6 of issue 8: consent was the advisor's (one `referral` consent for HR and police alike), and only the
// unwanted-behaviour themes needed it. Now it is the reporter's, per step and per target, on every theme.

const now = at(T0);
const referral = (referralType: 'company-doctor' | 'police', basis: { consentId: string } | { legalDutyId: string }): CaseEvent => ({
  type: 'ReferralMade',
  caseId,
  referralId: 'r-1',
  advisorId: anna,
  referralType,
  referredAt: T0,
  ...basis,
});
const recorded: CaseEvent = {
  type: 'ConsentRecorded',
  caseId,
  advisorId: anna,
  scope: 'referral',
  referralType: 'police',
  recordedAt: T0,
  consentId: 'consent-2',
  conversationId: 'conv-1',
  givenBy: 'reporter',
};
const confirmed: CaseEvent = { type: 'ConsentConfirmed', caseId, consentId: 'consent-2', confirmedBy: 'reporter', confirmedAt: T0 };
const withdrawn: CaseEvent = { type: 'ConsentWithdrawn', caseId, consentId: 'consent-1', withdrawnBy: 'reporter', withdrawnAt: T0 };
const duty: CaseEvent = {
  type: 'LegalDutyInvoked',
  caseId,
  dutyId: 'duty-1',
  advisorId: anna,
  reason: 'crime-art-160-sv',
  scope: 'referral',
  referralType: 'police',
  sealedExplanation: sealed('why'),
  invokedAt: T0,
};

describe('Case: the reporter gives consent, per step and per target', () => {
  it('takes the reporter\u2019s consent through their receipt, once', () => {
    given(Case, opened, assigned)
      .when((c) => c.giveConsent({ consentId: 'consent-1', scope: 'referral', referralType: 'company-doctor' }, now))
      .then(consentToReferral);
    given(Case, opened, assigned, consentToReferral)
      .when((c) => c.giveConsent({ consentId: 'consent-1', scope: 'referral', referralType: 'company-doctor' }, now))
      .then();
  });

  it('refers to the target the reporter consented to, naming the consent', () =>
    given(Case, opened, assigned, consentToReferral)
      .when((c) => c.makeReferral(anna, 'r-1', 'company-doctor', now))
      .then(referral('company-doctor', { consentId: 'consent-1' })));

  it('refuses a referral to another target than the one consented to (consent to the doctor is not consent to the police)', () =>
    given(Case, opened, assigned, consentToReferral)
      .when((c) => c.makeReferral(anna, 'r-1', 'police', now))
      .thenThrows(E.ConsentRequiredError));

  it.each(['not-sure', 'corruption', 'theft-or-fraud', 'bullying'] as const)('needs consent on every theme: %s', (theme) => {
    given(Case, openedWith(theme), assigned)
      .when((c) => c.makeReferral(anna, 'r-1', 'police', now))
      .thenThrows(E.ConsentRequiredError);
    given(Case, openedWith(theme), assigned)
      .when((c) => c.supportFormalReport(anna, now))
      .thenThrows(E.ConsentRequiredError);
  });

  it('supports a formal report only with consent to that step, not with a referral consent', () => {
    const formalConsent: CaseEvent = {
      type: 'ConsentGiven',
      caseId,
      consentId: 'consent-3',
      scope: 'formal-report',
      givenBy: 'reporter',
      givenAt: T0,
    };
    given(Case, openedWith('corruption'), assigned, consentToReferral)
      .when((c) => c.supportFormalReport(anna, now))
      .thenThrows(E.ConsentRequiredError);
    given(Case, openedWith('corruption'), assigned, formalConsent)
      .when((c) => c.supportFormalReport(anna, now))
      .then({ type: 'FormalReportSupported', caseId, advisorId: anna, supportedAt: T0, consentId: 'consent-3' });
  });

  it('refuses a consent without its target, or with a target for a formal report', () => {
    given(Case, opened, assigned)
      .when((c) => c.giveConsent({ consentId: 'c', scope: 'referral' }, now))
      .thenThrows(E.ConsentTargetInvalidError);
    given(Case, opened, assigned)
      .when((c) => c.giveConsent({ consentId: 'c', scope: 'formal-report', referralType: 'hr' }, now))
      .thenThrows(E.ConsentTargetInvalidError);
  });
});

describe('Case: the reporter withdraws a consent', () => {
  it('withdraws once; a withdrawn consent allows nothing more', () => {
    given(Case, opened, assigned, consentToReferral)
      .when((c) => c.withdrawConsent('consent-1', now))
      .then(withdrawn);
    given(Case, opened, assigned, consentToReferral, withdrawn)
      .when((c) => c.withdrawConsent('consent-1', now))
      .then();
    given(Case, opened, assigned, consentToReferral, withdrawn)
      .when((c) => c.makeReferral(anna, 'r-1', 'company-doctor', now))
      .thenThrows(E.ConsentRequiredError);
  });

  it('refuses to withdraw or confirm a consent the case does not have', () => {
    given(Case, opened, assigned)
      .when((c) => c.withdrawConsent('nope', now))
      .thenThrows(E.ConsentNotFoundError);
    given(Case, opened, assigned)
      .when((c) => c.confirmConsent('nope', now))
      .thenThrows(E.ConsentNotFoundError);
  });
});

describe('Case: the advisor records a consent from a conversation; it counts once the reporter confirms it', () => {
  it('records it against a recorded conversation, naming the reporter as the one who gave it', () => {
    given(Case, opened, assigned, conversation)
      .when((c) =>
        c.recordConsent(anna, { consentId: 'consent-2', scope: 'referral', referralType: 'police', conversationId: 'conv-1' }, now),
      )
      .then(recorded);
    given(Case, opened, assigned)
      .when((c) =>
        c.recordConsent(anna, { consentId: 'consent-2', scope: 'referral', referralType: 'police', conversationId: 'conv-9' }, now),
      )
      .thenThrows(E.ConversationNotFoundError);
  });

  it('does not count before the reporter confirmed it, and does after', () => {
    given(Case, opened, assigned, conversation, recorded)
      .when((c) => c.makeReferral(anna, 'r-1', 'police', now))
      .thenThrows(E.ConsentRequiredError);
    given(Case, opened, assigned, conversation, recorded)
      .when((c) => c.confirmConsent('consent-2', now))
      .then(confirmed);
    given(Case, opened, assigned, conversation, recorded, confirmed)
      .when((c) => c.makeReferral(anna, 'r-1', 'police', now))
      .then(referral('police', { consentId: 'consent-2' }));
  });

  it('takes a confirmation once, and none of a withdrawn consent', () => {
    given(Case, opened, assigned, conversation, recorded, confirmed)
      .when((c) => c.confirmConsent('consent-2', now))
      .then();
    const withdrawnRecorded: CaseEvent = { ...withdrawn, consentId: 'consent-2' };
    given(Case, opened, assigned, conversation, recorded, withdrawnRecorded)
      .when((c) => c.confirmConsent('consent-2', now))
      .then();
  });

  it('lets a consent recorded before per-target consent (no id) allow nothing', () => {
    const legacy: CaseEvent = { type: 'ConsentRecorded', caseId, advisorId: anna, scope: 'referral', recordedAt: T0 };
    given(Case, opened, assigned, legacy)
      .when((c) => c.makeReferral(anna, 'r-1', 'company-doctor', now))
      .thenThrows(E.ConsentRequiredError);
  });
});

describe('Case: a legal duty overrides consent, as its own recorded event', () => {
  it('records the duty with its reason and sealed explanation', () => {
    given(Case, opened, assigned)
      .when((c) =>
        c.invokeLegalDuty(
          anna,
          { dutyId: 'duty-1', reason: 'crime-art-160-sv', scope: 'referral', referralType: 'police', sealedExplanation: sealed('why') },
          now,
        ),
      )
      .then(duty);
    given(Case, opened, assigned)
      .when((c) =>
        c.invokeLegalDuty(anna, { dutyId: 'duty-1', reason: 'danger-to-life', scope: 'formal-report', sealedExplanation: 'in clear' }, now),
      )
      .thenThrows(E.NotSealedError);
  });

  it('allows exactly the step it names, and the referral references it', () => {
    given(Case, opened, assigned, duty)
      .when((c) => c.makeReferral(anna, 'r-1', 'police', now))
      .then(referral('police', { legalDutyId: 'duty-1' }));
    given(Case, opened, assigned, duty)
      .when((c) => c.makeReferral(anna, 'r-1', 'company-doctor', now))
      .thenThrows(E.ConsentRequiredError);
    given(Case, opened, assigned, duty)
      .when((c) => c.supportFormalReport(anna, now))
      .thenThrows(E.ConsentRequiredError);
  });
});
