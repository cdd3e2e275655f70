import { amsterdamToday } from '@vertrouwd/domain';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StaleVersionError } from '@vertrouwd/event-sourcing';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { Counsellor, type CounsellorState } from '../../domain/directory/counsellor.aggregate';
import * as E from '../../domain/directory/directory.errors';
import type { CounsellorProfile } from '../../domain/directory/directory.values';
import { AgencyWork, CounsellorWork, directoryKey } from '../directory.runners';
import { MATCHING_DIRECTORY, STAFF_ACCOUNTS, type MatchingDirectory, type StaffAccounts } from '../ports/directory.port';
import {
  CancelAbsence,
  ChangeCounsellorProfile,
  DeactivateCounsellor,
  DeclareConflict,
  ReactivateCounsellor,
  OnboardCounsellor,
  RecordAbsence,
  WithdrawConflict,
  type ProfileInput,
} from './counsellor.commands';

/** Seals the public name and introduction under the counsellor's directory key. */
async function sealProfile(platform: Platform, counsellorId: string, input: ProfileInput): Promise<CounsellorProfile> {
  const key = directoryKey('counsellor', counsellorId);
  const { name, introduction, ...codes } = input;
  return {
    ...codes,
    sealedName: await platform.privacy.sealer.seal(name, key),
    ...(introduction ? { sealedIntroduction: await platform.privacy.sealer.seal(introduction, key) } : {}),
  };
}

/**
 * Onboarding: the agency must be active, an internal counsellor's organisation one of the agency's; then the account
 * at the identity provider (idempotent by username, with the tenant claims), then the counsellor's stream. A retry
 * after a failure between the two finds the account and makes no second one. A username that is already a staff
 * account of the agency (another counsellor's, active or not, or a coordinator's, an auditor's) is refused by the
 * identity port, unchanged: one account is never bound to two counsellors, nor loses a role here.
 */
@CommandHandler(OnboardCounsellor)
export class OnboardCounsellorHandler implements ICommandHandler<OnboardCounsellor, { userId: string }> {
  constructor(
    private readonly work: CounsellorWork,
    private readonly agencies: AgencyWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
    @Inject(STAFF_ACCOUNTS) private readonly accounts: StaffAccounts,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  async execute(cmd: OnboardCounsellor): Promise<{ userId: string }> {
    await this.agencies.run(cmd.agencyId, cmd.context, (a) => a.requireActive());
    if (await this.work.exists(cmd.counsellorId)) throw new E.CounsellorExistsError();
    if (cmd.profile.organisationId) {
      const organisation = await this.directory.organisation(cmd.profile.organisationId);
      if (organisation?.agencyId !== cmd.agencyId) throw new E.InternalCounsellorWithoutOrganisationError();
    }
    const counsellor = new Counsellor();
    const profile = await sealProfile(this.platform, cmd.counsellorId, cmd.profile);
    const { userId } = await this.accounts.ensureAccount({
      username: cmd.username,
      email: cmd.email,
      roles: ['advisor'],
      agencyId: cmd.agencyId,
      advisorId: cmd.counsellorId,
      ...(cmd.profile.kind === 'internal' && cmd.profile.organisationId ? { organisationId: cmd.profile.organisationId } : {}),
    });
    const sealedEmail = await this.platform.privacy.sealer.seal(cmd.email, directoryKey('counsellor', cmd.counsellorId));
    counsellor.onboard(
      { counsellorId: cmd.counsellorId, agencyId: cmd.agencyId, userId, username: cmd.username, sealedEmail, profile },
      new Date(),
    );
    if (!(await this.work.create(counsellor, cmd.context))) throw new E.CounsellorExistsError();
    return { userId };
  }
}

@CommandHandler(ChangeCounsellorProfile)
export class ChangeCounsellorProfileHandler implements ICommandHandler<ChangeCounsellorProfile, void> {
  constructor(
    private readonly work: CounsellorWork,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  async execute(cmd: ChangeCounsellorProfile): Promise<void> {
    const profile = await sealProfile(this.platform, cmd.counsellorId, cmd.profile);
    await this.work.run(cmd.counsellorId, cmd.context, (c) => {
      if (profile.organisationId !== c.state.profile?.organisationId && profile.kind === 'internal')
        throw new E.InternalCounsellorWithoutOrganisationError();
      c.changeProfile(profile, new Date());
    });
  }
}

/**
 * Leaving the agency: no more matches or appointments, and the account can no longer sign in, unless another active
 * counsellor of the agency signs in with it (onboarding no longer binds one account to two counsellors, but records
 * made before may): that one keeps their access.
 */
@CommandHandler(DeactivateCounsellor)
export class DeactivateCounsellorHandler implements ICommandHandler<DeactivateCounsellor, void> {
  constructor(
    private readonly work: CounsellorWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
    @Inject(STAFF_ACCOUNTS) private readonly accounts: StaffAccounts,
  ) {}

  async execute(cmd: DeactivateCounsellor): Promise<void> {
    let account: { userId: string; agencyId: string } | undefined;
    await this.work.run(cmd.counsellorId, cmd.context, (c) => {
      c.deactivate(new Date());
      const { userId, agencyId } = c.state;
      if (userId && agencyId) account = { userId, agencyId };
    });
    if (!account || (await this.directory.accountInUse(account.agencyId, account.userId, cmd.counsellorId))) return;
    await this.accounts.disableAccount(account.userId);
  }
}

/**
 * Back at the agency: the agency must be active, and an internal counsellor's organisation still one of its client
 * organisations. The stream first, then the account (enabled again), as leaving writes the stream and then disables
 * it: a counsellor is never active in matching's stream while the account step has not been tried. A counsellor who is
 * active already (a retry after the account step failed, or a second post) has only that step left: 204, and the
 * account enabled.
 */
@CommandHandler(ReactivateCounsellor)
export class ReactivateCounsellorHandler implements ICommandHandler<ReactivateCounsellor, void> {
  constructor(
    private readonly work: CounsellorWork,
    private readonly agencies: AgencyWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
    @Inject(STAFF_ACCOUNTS) private readonly accounts: StaffAccounts,
  ) {}

  async execute(cmd: ReactivateCounsellor): Promise<void> {
    // Read through the runner, which answers 404 for another agency's counsellor; nothing is applied yet.
    let state: CounsellorState | undefined;
    await this.work.run(cmd.counsellorId, cmd.context, (c) => void (state = c.state));
    if (!state?.profile || !state.agencyId || !state.userId) throw new E.CounsellorNotFoundError();
    const { profile, agencyId, userId } = state;
    if (!state.active) {
      await this.agencies.run(agencyId, cmd.context, (a) => a.requireActive());
      if (profile.kind === 'internal' && profile.organisationId) {
        const organisation = await this.directory.organisation(profile.organisationId);
        if (organisation?.agencyId !== agencyId) throw new E.InternalCounsellorWithoutOrganisationError();
      }
      // Appended at the version read: a change meanwhile (another reactivation, leaving again) is a conflict.
      await this.work
        .run(cmd.counsellorId, { ...cmd.context, expectedVersion: state.version }, (c) => c.reactivate(new Date()))
        .catch((error: unknown) => {
          throw error instanceof StaleVersionError ? new E.CounsellorChangedMeanwhileError() : error;
        });
    }
    await this.accounts.enableAccount(userId);
  }
}

/** An absence; its stand-in must be an active counsellor of the same agency. */
@CommandHandler(RecordAbsence)
export class RecordAbsenceHandler implements ICommandHandler<RecordAbsence, void> {
  constructor(
    private readonly work: CounsellorWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
  ) {}

  async execute(cmd: RecordAbsence): Promise<void> {
    await this.work.run(cmd.counsellorId, cmd.context, async (c) => {
      if (cmd.substituteId && cmd.substituteId !== c.id) {
        const check = (await this.directory.appointeeChecks([cmd.substituteId])).get(cmd.substituteId);
        if (!check?.active || check.agencyId !== c.state.agencyId) throw new E.AppointeeNotEligibleError();
      }
      c.recordAbsence(cmd.absenceId, cmd.from, cmd.until, cmd.substituteId, new Date());
    });
  }
}

@CommandHandler(CancelAbsence)
export class CancelAbsenceHandler implements ICommandHandler<CancelAbsence, void> {
  constructor(private readonly work: CounsellorWork) {}

  execute(cmd: CancelAbsence): Promise<void> {
    return this.work.run(cmd.counsellorId, cmd.context, (c) => c.cancelAbsence(cmd.absenceId, new Date()));
  }
}

/** A declared conflict is reviewed within a year unless a review day is given (conflict registers age). */
@CommandHandler(DeclareConflict)
export class DeclareConflictHandler implements ICommandHandler<DeclareConflict, void> {
  constructor(
    private readonly work: CounsellorWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
  ) {}

  async execute(cmd: DeclareConflict): Promise<void> {
    const reviewBy = cmd.reviewBy ?? amsterdamToday(365);
    await this.work.run(cmd.counsellorId, cmd.context, async (c) => {
      if (cmd.target.organisationId) {
        const organisation = await this.directory.organisation(cmd.target.organisationId);
        if (organisation?.agencyId !== c.state.agencyId) throw new E.OrganisationNotFoundError();
      }
      c.declareConflict(cmd.conflictId, cmd.target, reviewBy, new Date());
    });
  }
}

@CommandHandler(WithdrawConflict)
export class WithdrawConflictHandler implements ICommandHandler<WithdrawConflict, void> {
  constructor(private readonly work: CounsellorWork) {}

  execute(cmd: WithdrawConflict): Promise<void> {
    return this.work.run(cmd.counsellorId, cmd.context, (c) => c.withdrawConflict(cmd.conflictId, new Date()));
  }
}
