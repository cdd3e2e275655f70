import { Aggregate, type Evolution } from '@vertrouwd/domain';
import * as E from './directory.errors';
import type { CounsellorEvent } from './counsellor.events';
import type { CounsellorProfile } from './directory.values';

export interface Absence {
  from: string;
  until: string;
  substituteId?: string;
}
export interface DeclaredConflict {
  organisationId?: string;
  caseId?: string;
  reviewBy: string;
}

export interface CounsellorState {
  counsellorId: string;
  agencyId: string | undefined;
  userId: string | undefined;
  profile: CounsellorProfile | undefined;
  active: boolean;
  version: number;
  absences: Readonly<Record<string, Absence>>;
  conflicts: Readonly<Record<string, DeclaredConflict>>;
}

const evolution: Evolution<CounsellorState, CounsellorEvent> = {
  CounsellorOnboarded: (s, e) => ({
    ...s,
    counsellorId: e.counsellorId,
    agencyId: e.agencyId,
    userId: e.userId,
    profile: e.profile,
    active: true,
    version: e.version,
  }),
  CounsellorProfileChanged: (s, e) => ({ ...s, profile: e.profile, version: e.version }),
  CounsellorDeactivated: (s, e) => ({ ...s, active: false, version: e.version }),
  CounsellorReactivated: (s, e) => ({ ...s, active: true, version: e.version }),
  AbsenceRecorded: (s, e) => ({
    ...s,
    absences: {
      ...s.absences,
      [e.absenceId]: { from: e.from, until: e.until, ...(e.substituteId ? { substituteId: e.substituteId } : {}) },
    },
  }),
  AbsenceCancelled: (s, e) => ({ ...s, absences: without(s.absences, e.absenceId) }),
  ConflictDeclared: (s, e) => ({
    ...s,
    conflicts: {
      ...s.conflicts,
      [e.conflictId]: {
        ...(e.organisationId ? { organisationId: e.organisationId } : {}),
        ...(e.caseId ? { caseId: e.caseId } : {}),
        reviewBy: e.reviewBy,
      },
    },
  }),
  ConflictWithdrawn: (s, e) => ({ ...s, conflicts: without(s.conflicts, e.conflictId) }),
};

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

/** What onboarding knows: the account (made through the identity port first) and the profile. */
export interface Onboarding {
  counsellorId: string;
  agencyId: string;
  userId: string;
  username: string;
  sealedEmail: string;
  profile: CounsellorProfile;
}

/** A counsellor of an agency (stream `counsellor-<id>`): their profile, absences and declared conflicts. */
export class Counsellor extends Aggregate<CounsellorEvent, CounsellorState> {
  constructor() {
    super(
      {
        counsellorId: '',
        agencyId: undefined,
        userId: undefined,
        profile: undefined,
        active: false,
        version: 0,
        absences: {},
        conflicts: {},
      },
      evolution,
    );
  }

  get id(): string {
    return this.state.counsellorId;
  }

  onboard(onboarding: Onboarding, at: Date): void {
    if (this.state.profile) throw new E.CounsellorExistsError();
    checkProfile(onboarding.profile);
    this.apply({ type: 'CounsellorOnboarded', ...onboarding, version: 1, onboardedAt: at.toISOString() });
  }

  changeProfile(profile: CounsellorProfile, at: Date): void {
    this.requireActive();
    checkProfile(profile);
    this.apply({
      type: 'CounsellorProfileChanged',
      counsellorId: this.id,
      agencyId: this.state.agencyId!,
      profile,
      version: this.state.version + 1,
      changedAt: at.toISOString(),
    });
  }

  /** Leaves the agency: never matched or appointed again; their account is disabled by the caller. */
  deactivate(at: Date): void {
    this.requireActive();
    this.apply({
      type: 'CounsellorDeactivated',
      counsellorId: this.id,
      agencyId: this.state.agencyId!,
      profile: this.state.profile!,
      version: this.state.version + 1,
      deactivatedAt: at.toISOString(),
    });
  }

  /**
   * Back at the agency after leaving it, with the profile they left with: matched and appointed again; their account
   * is enabled again by the caller. The counsellor must have left.
   */
  reactivate(at: Date): void {
    if (!this.state.profile) throw new E.CounsellorNotFoundError();
    if (this.state.active) throw new E.CounsellorActiveError();
    this.apply({
      type: 'CounsellorReactivated',
      counsellorId: this.id,
      agencyId: this.state.agencyId!,
      profile: this.state.profile,
      version: this.state.version + 1,
      reactivatedAt: at.toISOString(),
    });
  }

  recordAbsence(absenceId: string, from: string, until: string, substituteId: string | undefined, at: Date): void {
    this.requireActive();
    if (until < from) throw new E.AbsenceOrderError();
    if (substituteId === this.id) throw new E.SubstituteIsSelfError();
    const known = this.state.absences[absenceId];
    if (known) {
      // The id is the client's: the same absence again is a retry, other days or stand-in under it a mistake.
      if (known.from === from && known.until === until && known.substituteId === substituteId) return;
      throw new E.AbsenceIdTakenError();
    }
    this.apply({
      type: 'AbsenceRecorded',
      counsellorId: this.id,
      absenceId,
      from,
      until,
      ...(substituteId ? { substituteId } : {}),
      recordedAt: at.toISOString(),
    });
  }

  cancelAbsence(absenceId: string, at: Date): void {
    if (!this.state.absences[absenceId]) throw new E.AbsenceNotFoundError();
    this.apply({ type: 'AbsenceCancelled', counsellorId: this.id, absenceId, cancelledAt: at.toISOString() });
  }

  /** A conflict of interest with one organisation or the people of one case; reviewed by `reviewBy`. */
  declareConflict(conflictId: string, target: { organisationId?: string; caseId?: string }, reviewBy: string, at: Date): void {
    if (!this.state.profile) throw new E.CounsellorNotFoundError();
    if (Boolean(target.organisationId) === Boolean(target.caseId)) throw new E.ConflictTargetError();
    if (this.state.conflicts[conflictId]) return;
    const same = Object.values(this.state.conflicts).some(
      (c) => (target.organisationId && c.organisationId === target.organisationId) || (target.caseId && c.caseId === target.caseId),
    );
    if (same) return; // declared already: nothing new
    this.apply({ type: 'ConflictDeclared', counsellorId: this.id, conflictId, ...target, reviewBy, declaredAt: at.toISOString() });
  }

  withdrawConflict(conflictId: string, at: Date): void {
    if (!this.state.conflicts[conflictId]) throw new E.ConflictNotFoundError();
    this.apply({ type: 'ConflictWithdrawn', counsellorId: this.id, conflictId, withdrawnAt: at.toISOString() });
  }

  private requireActive(): void {
    if (!this.state.profile) throw new E.CounsellorNotFoundError();
    if (!this.state.active) throw new E.CounsellorInactiveError();
  }
}

function checkProfile(profile: CounsellorProfile): void {
  if (profile.kind === 'internal' && !profile.organisationId) throw new E.InternalCounsellorWithoutOrganisationError();
  if (profile.kind === 'external' && profile.organisationId) throw new E.ExternalCounsellorWithOrganisationError();
}
