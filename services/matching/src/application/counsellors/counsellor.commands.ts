import type { CommandContext } from '@vertrouwd/service-kit';
import type { CounsellorKind, CounsellorGender, CounsellorRole, Region, Specialism } from '../../domain/directory/directory.values';

/** A counsellor's profile as the coordinator gives it: name and introduction in plain text, sealed by the handler. */
export interface ProfileInput {
  name: string;
  introduction?: string;
  kind: CounsellorKind;
  organisationId?: string;
  roles: CounsellorRole[];
  languages: string[];
  gender: CounsellorGender;
  regions: Region[];
  specialisms: Specialism[];
  capacityCases: number;
  capacityHoursPerWeek: number;
}

export class OnboardCounsellor {
  constructor(
    readonly agencyId: string,
    readonly counsellorId: string,
    readonly username: string,
    readonly email: string,
    readonly profile: ProfileInput,
    readonly context: CommandContext,
  ) {}
}
export class ChangeCounsellorProfile {
  constructor(
    readonly counsellorId: string,
    readonly profile: ProfileInput,
    readonly context: CommandContext,
  ) {}
}
export class DeactivateCounsellor {
  constructor(
    readonly counsellorId: string,
    readonly context: CommandContext,
  ) {}
}
export class ReactivateCounsellor {
  constructor(
    readonly counsellorId: string,
    readonly context: CommandContext,
  ) {}
}
export class RecordAbsence {
  constructor(
    readonly counsellorId: string,
    readonly absenceId: string,
    readonly from: string,
    readonly until: string,
    readonly substituteId: string | undefined,
    readonly context: CommandContext,
  ) {}
}
export class CancelAbsence {
  constructor(
    readonly counsellorId: string,
    readonly absenceId: string,
    readonly context: CommandContext,
  ) {}
}
export class DeclareConflict {
  constructor(
    readonly counsellorId: string,
    readonly conflictId: string,
    readonly target: { organisationId?: string; caseId?: string },
    readonly reviewBy: string | undefined,
    readonly context: CommandContext,
  ) {}
}
export class WithdrawConflict {
  constructor(
    readonly counsellorId: string,
    readonly conflictId: string,
    readonly context: CommandContext,
  ) {}
}
