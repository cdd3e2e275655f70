import { given } from '@vertrouwd/domain';
import * as E from './directory.errors';
import type { Agreement, Appointment } from './directory.values';
import {
  T0,
  agencyId,
  anna,
  bram,
  carla,
  details,
  external,
  now,
  organisationId,
  organisationRegistered,
  otherAgencyId,
  otherOrganisationId,
  ownInternal,
  sealed,
  snapshot,
} from './directory.fixtures';
import { Organisation, type AppointeeCheck } from './organisation.aggregate';
import type { OrganisationEvent } from './organisation.events';

const pair: Appointment = { primaryId: anna, substituteId: bram, internalIds: [] };
const checks = (entries: Record<string, AppointeeCheck>) => new Map(Object.entries(entries));
const appointed = (
  appointment: Appointment,
  version: number,
  appointedBy: 'matching' | 'coordinator' = 'coordinator',
): OrganisationEvent => ({
  type: 'CounsellorsAppointed',
  organisationId,
  appointment,
  appointedBy,
  snapshot: { ...snapshot, appointment, version },
  appointedAt: T0,
});
const registeredHeadcount = { from: '2026-01-01', headcount: 120 };
/** A change of the headcount, `history` being every dated headcount after it (in the order of their days). */
const headcount = (
  count: number,
  from: string,
  version: number,
  history: { from: string; headcount: number }[] = [registeredHeadcount, { from, headcount: count }],
): OrganisationEvent => ({
  type: 'HeadcountChanged',
  organisationId,
  headcount: count,
  from,
  snapshot: { ...snapshot, headcount: count, headcountFrom: from, headcounts: history, version },
  changedAt: T0,
});
const agreement: Agreement = {
  tasks: ['reception-and-advice', 'annual-report'],
  powers: ['speak-to-anyone-with-consent'],
  recorded: ['contact-log'],
  termFrom: '2026-01-01',
  termUntil: '2026-12-31',
  reportsToOrganisation: 'annual',
  signedOn: '2025-12-15',
};
const activity = {
  activityId: 'act-1',
  counsellorId: anna,
  kind: 'workshop' as const,
  on: '2026-03-05',
  minutes: 90,
  sealedDescription: sealed('workshop'),
};

describe('Organisation: registration and details', () => {
  it('registers an organisation at publication version 1, nobody appointed yet', () =>
    given(Organisation)
      .when((o) => o.register(organisationId, agencyId, details, 120, '2026-01-01', now))
      .then(organisationRegistered));

  it('refuses to register an organisation twice', () =>
    given(Organisation, organisationRegistered)
      .when((o) => o.register(organisationId, agencyId, details, 120, '2026-01-01', now))
      .thenThrows(E.OrganisationExistsError));

  it('changes its details with the next publication version', () => {
    const next = { ...details, languages: ['nl', 'pl'] };
    given(Organisation, organisationRegistered)
      .when((o) => o.changeDetails(next, now))
      .then({ type: 'OrganisationDetailsChanged', organisationId, snapshot: { ...snapshot, details: next, version: 2 }, changedAt: T0 });
  });

  it('refuses every change of an unknown organisation', () => {
    const unknown = () => given(Organisation);
    unknown()
      .when((o) => o.changeDetails(details, now))
      .thenThrows(E.OrganisationNotFoundError);
    unknown()
      .when((o) => o.changeHeadcount(130, '2026-02-01', now))
      .thenThrows(E.OrganisationNotFoundError);
    unknown()
      .when((o) => o.appoint(pair, 'coordinator', checks({ [anna]: external, [bram]: external }), now))
      .thenThrows(E.OrganisationNotFoundError);
    unknown()
      .when((o) => o.versionAgreement(agreement, now))
      .thenThrows(E.OrganisationNotFoundError);
    unknown()
      .when((o) => o.recordEngagement(activity, now))
      .thenThrows(E.OrganisationNotFoundError);
  });
});

describe('Organisation: headcount and its history', () => {
  // `now` is 2026-03-02 (Amsterdam); the organisation was registered with 120 from 2026-01-01.
  it('changes the headcount from a later day, the version rising with each change', () => {
    given(Organisation, organisationRegistered)
      .when((o) => o.changeHeadcount(49, '2026-02-01', now))
      .then(headcount(49, '2026-02-01', 2));
    given(Organisation, organisationRegistered, headcount(49, '2026-02-01', 2))
      .when((o) => o.changeHeadcount(55, '2026-03-01', now))
      .then(
        headcount(55, '2026-03-01', 3, [registeredHeadcount, { from: '2026-02-01', headcount: 49 }, { from: '2026-03-01', headcount: 55 }]),
      );
  });

  it('corrects the headcount on the same day it took effect', () =>
    given(Organisation, organisationRegistered)
      .when((o) => o.changeHeadcount(125, '2026-01-01', now))
      .then(headcount(125, '2026-01-01', 2, [{ from: '2026-01-01', headcount: 125 }])));

  it('refuses a change that takes effect before the headcount in force today', () =>
    given(Organisation, organisationRegistered)
      .when((o) => o.changeHeadcount(130, '2025-12-31', now))
      .thenThrows(E.HeadcountBackdatedError));

  it('refuses the same headcount from the same day again', () =>
    given(Organisation, organisationRegistered)
      .when((o) => o.changeHeadcount(120, '2026-01-01', now))
      .thenThrows(E.HeadcountUnchangedError));

  it('schedules a change up to a year ahead and refuses one dated later', () => {
    given(Organisation, organisationRegistered)
      .when((o) => o.changeHeadcount(60, '2027-03-02', now))
      .then(headcount(60, '2027-03-02', 2));
    given(Organisation, organisationRegistered)
      .when((o) => o.changeHeadcount(60, '2027-03-03', now))
      .thenThrows(E.HeadcountTooFarAheadError);
    given(Organisation, organisationRegistered)
      .when((o) => o.changeHeadcount(60, '9999-12-31', now))
      .thenThrows(E.HeadcountTooFarAheadError);
  });

  it('takes a correction dated before a scheduled change, which stays scheduled', () =>
    given(Organisation, organisationRegistered, headcount(60, '2026-09-01', 2))
      .when((o) => o.changeHeadcount(45, '2026-03-02', now))
      .then(
        headcount(45, '2026-03-02', 3, [registeredHeadcount, { from: '2026-03-02', headcount: 45 }, { from: '2026-09-01', headcount: 60 }]),
      ));

  it('corrects a scheduled change on its own day', () =>
    given(Organisation, organisationRegistered, headcount(60, '2026-09-01', 2))
      .when((o) => o.changeHeadcount(48, '2026-09-01', now))
      .then(headcount(48, '2026-09-01', 3)));

  it('judges "backdated" by the headcount in force on the day of the change, not by the latest scheduled one', () =>
    given(Organisation, organisationRegistered, headcount(60, '2026-03-01', 2))
      .when((o) => o.changeHeadcount(61, '2026-02-28', now))
      .thenThrows(E.HeadcountBackdatedError));
});

describe('Organisation: who serves it', () => {
  it('appoints two active external counsellors of the agency, with the next version', () =>
    given(Organisation, organisationRegistered)
      .when((o) => o.appoint(pair, 'matching', checks({ [anna]: external, [bram]: external }), now))
      .then(appointed(pair, 2, 'matching')));

  it('appoints its own internal counsellors, and an own internal one as primary', () => {
    const withInternal = { ...pair, internalIds: [carla] };
    given(Organisation, organisationRegistered)
      .when((o) => o.appoint(withInternal, 'coordinator', checks({ [anna]: external, [bram]: external, [carla]: ownInternal }), now))
      .then(appointed(withInternal, 2));
    given(Organisation, organisationRegistered)
      .when((o) => o.appoint(pair, 'coordinator', checks({ [anna]: ownInternal, [bram]: external }), now))
      .then(appointed(pair, 2));
  });

  it('keeps the history of appointments, the version rising each time', () => {
    const next = { primaryId: bram, substituteId: anna, internalIds: [] };
    given(Organisation, organisationRegistered, appointed(pair, 2))
      .when((o) => o.appoint(next, 'coordinator', checks({ [anna]: external, [bram]: external }), now))
      .then(appointed(next, 3));
    const o = given(Organisation, organisationRegistered, appointed(pair, 2, 'matching'), appointed(next, 3));
    expect(o.aggregate.state.appointmentHistory.map((h) => [h.appointment.primaryId, h.appointedBy])).toEqual([
      [anna, 'matching'],
      [bram, 'coordinator'],
    ]);
    expect(o.aggregate.state.snapshot).toMatchObject({ version: 3, appointment: next });
  });

  it('refuses the same counsellor as primary and substitute', () =>
    given(Organisation, organisationRegistered)
      .when((o) => o.appoint({ primaryId: anna, substituteId: anna, internalIds: [] }, 'coordinator', checks({ [anna]: external }), now))
      .thenThrows(E.SamePrimaryAndSubstituteError));

  it.each([
    ['inactive', { ...external, active: false }],
    ['of another agency', { ...external, agencyId: otherAgencyId }],
    ['internal of another organisation', { ...ownInternal, organisationId: otherOrganisationId }],
  ] as const)('refuses a counsellor who is %s', (_what, check) => {
    given(Organisation, organisationRegistered)
      .when((o) => o.appoint(pair, 'coordinator', checks({ [anna]: check, [bram]: external }), now))
      .thenThrows(E.AppointeeNotEligibleError);
    given(Organisation, organisationRegistered)
      .when((o) => o.appoint(pair, 'coordinator', checks({ [anna]: external, [bram]: check }), now))
      .thenThrows(E.AppointeeNotEligibleError);
  });

  it('refuses a counsellor the caller did not find', () =>
    given(Organisation, organisationRegistered)
      .when((o) => o.appoint(pair, 'coordinator', checks({ [anna]: external }), now))
      .thenThrows(E.AppointeeNotEligibleError));

  it('refuses an external counsellor among the internal ones', () =>
    given(Organisation, organisationRegistered)
      .when((o) =>
        o.appoint({ ...pair, internalIds: [carla] }, 'coordinator', checks({ [anna]: external, [bram]: external, [carla]: external }), now),
      )
      .thenThrows(E.AppointeeNotEligibleError));
});

describe('Organisation: the written agreement', () => {
  it('versions the agreement 1, 2, …', () => {
    const first: OrganisationEvent = { type: 'AgreementVersioned', organisationId, agreementVersion: 1, agreement, versionedAt: T0 };
    let version = 0;
    given(Organisation, organisationRegistered)
      .when((o) => (version = o.versionAgreement(agreement, now)))
      .then(first);
    expect(version).toBe(1);
    given(Organisation, organisationRegistered, first)
      .when((o) => (version = o.versionAgreement(agreement, now)))
      .then({ ...first, agreementVersion: 2 });
    expect(version).toBe(2);
  });

  it('accepts an agreement without an end, or of one day', () => {
    const { termUntil: _end, ...open } = agreement;
    given(Organisation, organisationRegistered)
      .when((o) => o.versionAgreement(open, now))
      .then({ type: 'AgreementVersioned', organisationId, agreementVersion: 1, agreement: open, versionedAt: T0 });
    const oneDay = { ...agreement, termUntil: agreement.termFrom };
    given(Organisation, organisationRegistered)
      .when((o) => o.versionAgreement(oneDay, now))
      .then({ type: 'AgreementVersioned', organisationId, agreementVersion: 1, agreement: oneDay, versionedAt: T0 });
  });

  it('refuses a term that ends before it starts', () =>
    given(Organisation, organisationRegistered)
      .when((o) => o.versionAgreement({ ...agreement, termUntil: '2025-12-31' }, now))
      .thenThrows(E.AgreementTermError));
});

describe('Organisation: engagement activities', () => {
  const recorded: OrganisationEvent = { type: 'EngagementRecorded', organisationId, agencyId, ...activity, recordedAt: T0 };

  it('records an activity with its agency', () =>
    given(Organisation, organisationRegistered)
      .when((o) => o.recordEngagement(activity, now))
      .then(recorded));

  it('refuses the same activity twice', () =>
    given(Organisation, organisationRegistered, recorded)
      .when((o) => o.recordEngagement(activity, now))
      .thenThrows(E.EngagementExistsError));

  it('records another activity next to it', () =>
    given(Organisation, organisationRegistered, recorded)
      .when((o) => o.recordEngagement({ ...activity, activityId: 'act-2' }, now))
      .then({ ...recorded, activityId: 'act-2' }));
});
