import type { CounsellorProfile } from './directory.values';

// Domain events of a counsellor (stream `counsellor-<id>`). The name and introduction are sealed under the
// counsellor's directory key (`directory:counsellor:<id>`); the e-mail address under the same key. Every event that
// changes what the directory publishes carries the whole profile and its publication version.

export interface CounsellorOnboarded {
  type: 'CounsellorOnboarded';
  counsellorId: string;
  agencyId: string;
  userId: string;
  username: string;
  sealedEmail: string;
  profile: CounsellorProfile;
  version: number;
  onboardedAt: string;
}
export interface CounsellorProfileChanged {
  type: 'CounsellorProfileChanged';
  counsellorId: string;
  agencyId: string;
  profile: CounsellorProfile;
  version: number;
  changedAt: string;
}
export interface CounsellorDeactivated {
  type: 'CounsellorDeactivated';
  counsellorId: string;
  agencyId: string;
  profile: CounsellorProfile;
  version: number;
  deactivatedAt: string;
}
/** Back at the agency after leaving it: matched and appointed again, their account enabled again by the caller. */
export interface CounsellorReactivated {
  type: 'CounsellorReactivated';
  counsellorId: string;
  agencyId: string;
  profile: CounsellorProfile;
  version: number;
  reactivatedAt: string;
}
export interface AbsenceRecorded {
  type: 'AbsenceRecorded';
  counsellorId: string;
  absenceId: string;
  from: string;
  until: string;
  substituteId?: string;
  recordedAt: string;
}
export interface AbsenceCancelled {
  type: 'AbsenceCancelled';
  counsellorId: string;
  absenceId: string;
  cancelledAt: string;
}
/** With an organisation (every case of it), or with the people of one case (that case only). */
export interface ConflictDeclared {
  type: 'ConflictDeclared';
  counsellorId: string;
  conflictId: string;
  organisationId?: string;
  caseId?: string;
  reviewBy: string;
  declaredAt: string;
}
export interface ConflictWithdrawn {
  type: 'ConflictWithdrawn';
  counsellorId: string;
  conflictId: string;
  withdrawnAt: string;
}

export type CounsellorEvent =
  | CounsellorOnboarded
  | CounsellorProfileChanged
  | CounsellorDeactivated
  | CounsellorReactivated
  | AbsenceRecorded
  | AbsenceCancelled
  | ConflictDeclared
  | ConflictWithdrawn;
