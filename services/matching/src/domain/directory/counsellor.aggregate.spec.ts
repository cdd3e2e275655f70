import { given } from '@vertrouwd/domain';
import { Counsellor } from './counsellor.aggregate';
import * as E from './directory.errors';
import {
  T0,
  absent,
  agencyId,
  anna,
  bram,
  conflictWith,
  deactivated,
  internalProfile,
  now,
  onboarded,
  onboarding,
  organisationId,
  otherOrganisationId,
  profile,
} from './directory.fixtures';

const caseId = '0190a000-0000-7000-8000-000000000001';
const changed = (version: number, p = profile) => ({
  type: 'CounsellorProfileChanged' as const,
  counsellorId: anna,
  agencyId,
  profile: p,
  version,
  changedAt: T0,
});

describe('Counsellor: onboarding and profile', () => {
  it('onboards a counsellor at publication version 1, active', () => {
    given(Counsellor)
      .when((c) => c.onboard(onboarding, now))
      .then(onboarded);
    expect(given(Counsellor, onboarded).aggregate.state).toMatchObject({ counsellorId: anna, agencyId, active: true, version: 1 });
  });

  it('onboards an internal counsellor with their organisation', () =>
    given(Counsellor)
      .when((c) => c.onboard({ ...onboarding, profile: internalProfile }, now))
      .then({ ...onboarded, profile: internalProfile } as typeof onboarded));

  it('refuses to onboard a counsellor twice', () =>
    given(Counsellor, onboarded)
      .when((c) => c.onboard(onboarding, now))
      .thenThrows(E.CounsellorExistsError));

  it('refuses an internal counsellor without an organisation', () =>
    given(Counsellor)
      .when((c) => c.onboard({ ...onboarding, profile: { ...profile, kind: 'internal' } }, now))
      .thenThrows(E.InternalCounsellorWithoutOrganisationError));

  it('refuses an external counsellor with an organisation', () =>
    given(Counsellor)
      .when((c) => c.onboard({ ...onboarding, profile: { ...profile, organisationId } }, now))
      .thenThrows(E.ExternalCounsellorWithOrganisationError));

  it('changes the profile with the next publication version, every time', () => {
    const more = { ...profile, capacityCases: 12 };
    given(Counsellor, onboarded)
      .when((c) => c.changeProfile(more, now))
      .then(changed(2, more));
    given(Counsellor, onboarded, changed(2, more))
      .when((c) => c.changeProfile(profile, now))
      .then(changed(3));
    expect(given(Counsellor, onboarded, changed(2, more), changed(3)).aggregate.state.version).toBe(3);
  });

  it('refuses a profile change that breaks the kind rules', () => {
    given(Counsellor, onboarded)
      .when((c) => c.changeProfile({ ...profile, kind: 'internal' }, now))
      .thenThrows(E.InternalCounsellorWithoutOrganisationError);
    given(Counsellor, onboarded)
      .when((c) => c.changeProfile({ ...profile, organisationId: otherOrganisationId }, now))
      .thenThrows(E.ExternalCounsellorWithOrganisationError);
  });

  it('refuses a profile change of an unknown counsellor', () =>
    given(Counsellor)
      .when((c) => c.changeProfile(profile, now))
      .thenThrows(E.CounsellorNotFoundError));

  it('refuses a profile change of a counsellor who left', () =>
    given(Counsellor, onboarded, deactivated)
      .when((c) => c.changeProfile(profile, now))
      .thenThrows(E.CounsellorInactiveError));
});

describe('Counsellor: deactivation', () => {
  it('deactivates with the profile and the next publication version', () => {
    given(Counsellor, onboarded)
      .when((c) => c.deactivate(now))
      .then(deactivated);
    given(Counsellor, onboarded, changed(2))
      .when((c) => c.deactivate(now))
      .then({ ...deactivated, version: 3 } as typeof deactivated);
    expect(given(Counsellor, onboarded, deactivated).aggregate.state.active).toBe(false);
  });

  it('refuses to deactivate twice', () =>
    given(Counsellor, onboarded, deactivated)
      .when((c) => c.deactivate(now))
      .thenThrows(E.CounsellorInactiveError));

  it('refuses to deactivate an unknown counsellor', () =>
    given(Counsellor)
      .when((c) => c.deactivate(now))
      .thenThrows(E.CounsellorNotFoundError));
});

describe('Counsellor: reactivation', () => {
  const reactivated = { type: 'CounsellorReactivated', counsellorId: anna, agencyId, profile, version: 3, reactivatedAt: T0 } as const;

  it('brings a counsellor who left back with the profile they left with and the next publication version', () => {
    given(Counsellor, onboarded, deactivated)
      .when((c) => c.reactivate(now))
      .then(reactivated);
    const back = given(Counsellor, onboarded, deactivated, reactivated).aggregate;
    expect(back.state.active).toBe(true);
    // Active again: their profile can change, and they can leave again.
    given(Counsellor, onboarded, deactivated, reactivated)
      .when((c) => c.deactivate(now))
      .then({ ...deactivated, version: 4 } as typeof deactivated);
  });

  it('refuses to reactivate a counsellor who has not left, or an unknown one', () => {
    given(Counsellor, onboarded)
      .when((c) => c.reactivate(now))
      .thenThrows(E.CounsellorActiveError);
    given(Counsellor)
      .when((c) => c.reactivate(now))
      .thenThrows(E.CounsellorNotFoundError);
  });
});

describe('Counsellor: absences', () => {
  it('records an absence with who stands in', () =>
    given(Counsellor, onboarded)
      .when((c) => c.recordAbsence('abs-1', '2026-03-10', '2026-03-20', bram, now))
      .then(absent('abs-1', '2026-03-10', '2026-03-20', bram)));

  it('records an absence without a stand-in, and a one-day absence', () => {
    given(Counsellor, onboarded)
      .when((c) => c.recordAbsence('abs-1', '2026-03-10', '2026-03-20', undefined, now))
      .then(absent('abs-1', '2026-03-10', '2026-03-20'));
    given(Counsellor, onboarded)
      .when((c) => c.recordAbsence('abs-1', '2026-03-10', '2026-03-10', undefined, now))
      .then(absent('abs-1', '2026-03-10', '2026-03-10'));
  });

  it('changes nothing when the same absence is recorded again (a retry)', () =>
    given(Counsellor, onboarded, absent('abs-1', '2026-03-10', '2026-03-20'))
      .when((c) => c.recordAbsence('abs-1', '2026-03-10', '2026-03-20', undefined, now))
      .then());

  it('refuses the same absence id for other days or another stand-in, recording nothing', () => {
    const recorded = () => given(Counsellor, onboarded, absent('abs-1', '2026-03-10', '2026-03-20'));
    recorded()
      .when((c) => c.recordAbsence('abs-1', '2026-04-10', '2026-04-20', undefined, now))
      .thenThrows(E.AbsenceIdTakenError);
    recorded()
      .when((c) => c.recordAbsence('abs-1', '2026-03-10', '2026-03-21', undefined, now))
      .thenThrows(E.AbsenceIdTakenError);
    recorded()
      .when((c) => c.recordAbsence('abs-1', '2026-03-10', '2026-03-20', bram, now))
      .thenThrows(E.AbsenceIdTakenError);
  });

  it('keeps two absences with different ids', () => {
    const c = given(Counsellor, onboarded, absent('abs-1', '2026-03-10', '2026-03-20'), absent('abs-2', '2026-04-01', '2026-04-02'));
    expect(Object.keys(c.aggregate.state.absences)).toEqual(['abs-1', 'abs-2']);
  });

  it('refuses an absence that ends before it starts', () =>
    given(Counsellor, onboarded)
      .when((c) => c.recordAbsence('abs-1', '2026-03-20', '2026-03-19', undefined, now))
      .thenThrows(E.AbsenceOrderError));

  it('refuses a counsellor standing in for themselves', () =>
    given(Counsellor, onboarded)
      .when((c) => c.recordAbsence('abs-1', '2026-03-10', '2026-03-20', anna, now))
      .thenThrows(E.SubstituteIsSelfError));

  it('refuses an absence of an unknown or departed counsellor', () => {
    given(Counsellor)
      .when((c) => c.recordAbsence('abs-1', '2026-03-10', '2026-03-20', undefined, now))
      .thenThrows(E.CounsellorNotFoundError);
    given(Counsellor, onboarded, deactivated)
      .when((c) => c.recordAbsence('abs-1', '2026-03-10', '2026-03-20', undefined, now))
      .thenThrows(E.CounsellorInactiveError);
  });

  it('cancels an absence, which is then gone', () => {
    const cancelled = { type: 'AbsenceCancelled' as const, counsellorId: anna, absenceId: 'abs-1', cancelledAt: T0 };
    given(Counsellor, onboarded, absent('abs-1', '2026-03-10', '2026-03-20'))
      .when((c) => c.cancelAbsence('abs-1', now))
      .then(cancelled);
    expect(given(Counsellor, onboarded, absent('abs-1', '2026-03-10', '2026-03-20'), cancelled).aggregate.state.absences).toEqual({});
  });

  it('refuses to cancel an unknown absence, or one cancelled already', () => {
    given(Counsellor, onboarded)
      .when((c) => c.cancelAbsence('abs-1', now))
      .thenThrows(E.AbsenceNotFoundError);
    given(Counsellor, onboarded, absent('abs-1', '2026-03-10', '2026-03-20'), {
      type: 'AbsenceCancelled',
      counsellorId: anna,
      absenceId: 'abs-1',
      cancelledAt: T0,
    })
      .when((c) => c.cancelAbsence('abs-1', now))
      .thenThrows(E.AbsenceNotFoundError);
  });
});

describe('Counsellor: declared conflicts of interest', () => {
  it('declares a conflict with an organisation', () =>
    given(Counsellor, onboarded)
      .when((c) => c.declareConflict('cf-1', { organisationId }, '2027-03-02', now))
      .then(conflictWith('cf-1', { organisationId })));

  it('declares a conflict with the people of one case', () =>
    given(Counsellor, onboarded)
      .when((c) => c.declareConflict('cf-1', { caseId }, '2027-03-02', now))
      .then(conflictWith('cf-1', { caseId })));

  it('lets a departed counsellor declare a conflict (a decline after leaving still counts)', () =>
    given(Counsellor, onboarded, deactivated)
      .when((c) => c.declareConflict('cf-1', { caseId }, '2027-03-02', now))
      .then(conflictWith('cf-1', { caseId })));

  it('refuses a conflict with both an organisation and a case, or with neither', () => {
    given(Counsellor, onboarded)
      .when((c) => c.declareConflict('cf-1', { organisationId, caseId }, '2027-03-02', now))
      .thenThrows(E.ConflictTargetError);
    given(Counsellor, onboarded)
      .when((c) => c.declareConflict('cf-1', {}, '2027-03-02', now))
      .thenThrows(E.ConflictTargetError);
  });

  it('refuses a conflict of an unknown counsellor', () =>
    given(Counsellor)
      .when((c) => c.declareConflict('cf-1', { organisationId }, '2027-03-02', now))
      .thenThrows(E.CounsellorNotFoundError));

  it('changes nothing when the same conflict is declared twice, by id or by target', () => {
    given(Counsellor, onboarded, conflictWith('cf-1', { organisationId }))
      .when((c) => c.declareConflict('cf-1', { organisationId }, '2027-03-02', now))
      .then();
    given(Counsellor, onboarded, conflictWith('cf-1', { organisationId }))
      .when((c) => c.declareConflict('cf-2', { organisationId }, '2027-03-02', now))
      .then();
    given(Counsellor, onboarded, conflictWith('cf-1', { caseId }))
      .when((c) => c.declareConflict('cf-2', { caseId }, '2027-03-02', now))
      .then();
  });

  it('declares a second conflict with another organisation, or a case next to an organisation', () => {
    given(Counsellor, onboarded, conflictWith('cf-1', { organisationId }))
      .when((c) => c.declareConflict('cf-2', { organisationId: otherOrganisationId }, '2027-03-02', now))
      .then(conflictWith('cf-2', { organisationId: otherOrganisationId }));
    given(Counsellor, onboarded, conflictWith('cf-1', { organisationId }))
      .when((c) => c.declareConflict('cf-2', { caseId }, '2027-03-02', now))
      .then(conflictWith('cf-2', { caseId }));
  });

  it('withdraws a conflict, after which the same one can be declared again', () => {
    const withdrawn = { type: 'ConflictWithdrawn' as const, counsellorId: anna, conflictId: 'cf-1', withdrawnAt: T0 };
    given(Counsellor, onboarded, conflictWith('cf-1', { organisationId }))
      .when((c) => c.withdrawConflict('cf-1', now))
      .then(withdrawn);
    given(Counsellor, onboarded, conflictWith('cf-1', { organisationId }), withdrawn)
      .when((c) => c.declareConflict('cf-2', { organisationId }, '2027-03-02', now))
      .then(conflictWith('cf-2', { organisationId }));
  });

  it('refuses to withdraw an unknown conflict', () =>
    given(Counsellor, onboarded)
      .when((c) => c.withdrawConflict('cf-1', now))
      .thenThrows(E.ConflictNotFoundError));
});
