import { given } from '@vertrouwd/domain';
import { Agency } from './agency.aggregate';
import * as E from './directory.errors';
import {
  T0,
  agencyId,
  agencyRegistered,
  agencyReinstated,
  agencySuspended,
  carla,
  now,
  sealed,
  settings,
  userId,
} from './directory.fixtures';

const appointed = (id: string) => ({ type: 'CoordinatorAppointed' as const, agencyId, userId: id, appointedAt: T0 });

describe('Agency: registration and configuration', () => {
  it('registers an agency, active, with its settings', () => {
    given(Agency)
      .when((a) => a.register(agencyId, sealed('agency'), settings, now))
      .then(agencyRegistered);
    expect(given(Agency, agencyRegistered).aggregate.state).toMatchObject({ agencyId, status: 'active', settings });
  });

  it('refuses to register an agency twice', () =>
    given(Agency, agencyRegistered)
      .when((a) => a.register(agencyId, sealed('agency'), settings, now))
      .thenThrows(E.AgencyExistsError));

  it('refuses to register again a suspended agency', () =>
    given(Agency, agencyRegistered, agencySuspended)
      .when((a) => a.register(agencyId, sealed('agency'), settings, now))
      .thenThrows(E.AgencyExistsError));

  it('configures an active agency', () => {
    const next = { poolMatching: false, languages: ['nl'] };
    given(Agency, agencyRegistered)
      .when((a) => a.configure(next, now))
      .then({ type: 'AgencyConfigured', agencyId, settings: next, configuredAt: T0 });
  });

  it('refuses to configure an unknown agency', () =>
    given(Agency)
      .when((a) => a.configure(settings, now))
      .thenThrows(E.AgencyNotFoundError));

  it('refuses to configure a suspended agency', () =>
    given(Agency, agencyRegistered, agencySuspended)
      .when((a) => a.configure(settings, now))
      .thenThrows(E.AgencySuspendedError));
});

describe('Agency: suspension', () => {
  it('suspends an active agency', () =>
    given(Agency, agencyRegistered)
      .when((a) => a.suspend(now))
      .then(agencySuspended));

  it('refuses to suspend a suspended agency', () =>
    given(Agency, agencyRegistered, agencySuspended)
      .when((a) => a.suspend(now))
      .thenThrows(E.AgencyStatusUnchangedError));

  it('reinstates a suspended agency, which may change again', () => {
    given(Agency, agencyRegistered, agencySuspended)
      .when((a) => a.reinstate(now))
      .then(agencyReinstated);
    given(Agency, agencyRegistered, agencySuspended, agencyReinstated)
      .when((a) => a.configure(settings, now))
      .then({ type: 'AgencyConfigured', agencyId, settings, configuredAt: T0 });
  });

  it('refuses to reinstate an active agency', () =>
    given(Agency, agencyRegistered)
      .when((a) => a.reinstate(now))
      .thenThrows(E.AgencyStatusUnchangedError));
});

describe('Agency: coordinators', () => {
  it('appoints a coordinator', () =>
    given(Agency, agencyRegistered)
      .when((a) => a.appointCoordinator(userId, now))
      .then(appointed(userId)));

  it('appoints a second coordinator next to the first', () => {
    given(Agency, agencyRegistered, appointed(userId))
      .when((a) => a.appointCoordinator(carla, now))
      .then(appointed(carla));
    expect(given(Agency, agencyRegistered, appointed(userId), appointed(carla)).aggregate.state.coordinators).toEqual([userId, carla]);
  });

  it('changes nothing when the same coordinator is appointed again', () =>
    given(Agency, agencyRegistered, appointed(userId))
      .when((a) => a.appointCoordinator(userId, now))
      .then());

  it('refuses a coordinator for an unknown agency', () =>
    given(Agency)
      .when((a) => a.appointCoordinator(userId, now))
      .thenThrows(E.AgencyNotFoundError));

  it('refuses a coordinator for a suspended agency', () =>
    given(Agency, agencyRegistered, agencySuspended)
      .when((a) => a.appointCoordinator(userId, now))
      .thenThrows(E.AgencySuspendedError));
});
