import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import * as E from '../../domain/directory/directory.errors';
import type { OrganisationDetails } from '../../domain/directory/directory.values';
import { Organisation } from '../../domain/directory/organisation.aggregate';
import { proposeAppointment, type AppointmentScore } from '../../domain/match/appointment-proposal';
import { AgencyWork, directoryKey, OrganisationWork } from '../directory.runners';
import { MATCHING_DIRECTORY, type MatchingDirectory } from '../ports/directory.port';
import { today } from '../calendar';
import {
  AppointByMatching,
  AppointCounsellors,
  ChangeHeadcount,
  ChangeOrganisationDetails,
  RecordEngagement,
  RegisterOrganisation,
  VersionAgreement,
  type DetailsInput,
} from './organisation.commands';

async function sealDetails(platform: Platform, organisationId: string, input: DetailsInput): Promise<OrganisationDetails> {
  const { name, ...codes } = input;
  return { ...codes, sealedName: await platform.privacy.sealer.seal(name, directoryKey('organisation', organisationId)) };
}

@CommandHandler(RegisterOrganisation)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisation, void> {
  constructor(
    private readonly work: OrganisationWork,
    private readonly agencies: AgencyWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  async execute(cmd: RegisterOrganisation): Promise<void> {
    await this.agencies.run(cmd.agencyId, cmd.context, (a) => a.requireActive());
    if (await this.directory.intakeCodeTaken(cmd.details.intakeCode, cmd.organisationId)) throw new E.IntakeCodeTakenError();
    const organisation = new Organisation();
    organisation.register(
      cmd.organisationId,
      cmd.agencyId,
      await sealDetails(this.platform, cmd.organisationId, cmd.details),
      cmd.headcount,
      cmd.headcountFrom,
      new Date(),
    );
    if (!(await this.work.create(organisation, cmd.context))) throw new E.OrganisationExistsError();
  }
}

@CommandHandler(ChangeOrganisationDetails)
export class ChangeOrganisationDetailsHandler implements ICommandHandler<ChangeOrganisationDetails, void> {
  constructor(
    private readonly work: OrganisationWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  async execute(cmd: ChangeOrganisationDetails): Promise<void> {
    const details = await sealDetails(this.platform, cmd.organisationId, cmd.details);
    await this.work.run(cmd.organisationId, cmd.context, async (o) => {
      if (await this.directory.intakeCodeTaken(cmd.details.intakeCode, cmd.organisationId)) throw new E.IntakeCodeTakenError();
      o.changeDetails(details, new Date());
    });
  }
}

@CommandHandler(ChangeHeadcount)
export class ChangeHeadcountHandler implements ICommandHandler<ChangeHeadcount, void> {
  constructor(private readonly work: OrganisationWork) {}

  execute(cmd: ChangeHeadcount): Promise<void> {
    return this.work.run(cmd.organisationId, cmd.context, (o) => o.changeHeadcount(cmd.headcount, cmd.from, new Date()));
  }
}

@CommandHandler(AppointCounsellors)
export class AppointCounsellorsHandler implements ICommandHandler<AppointCounsellors, void> {
  constructor(
    private readonly work: OrganisationWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
  ) {}

  async execute(cmd: AppointCounsellors): Promise<void> {
    const { primaryId, substituteId, internalIds } = cmd.appointment;
    const named = [primaryId, substituteId, ...internalIds].filter((id): id is string => Boolean(id));
    const checks = await this.directory.appointeeChecks(named);
    await this.work.run(cmd.organisationId, cmd.context, (o) => o.appoint(cmd.appointment, 'coordinator', checks, new Date()));
  }
}

@CommandHandler(AppointByMatching)
export class AppointByMatchingHandler implements ICommandHandler<AppointByMatching, { scores: AppointmentScore[] }> {
  constructor(
    private readonly work: OrganisationWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
  ) {}

  async execute(cmd: AppointByMatching): Promise<{ scores: AppointmentScore[] }> {
    let scores: AppointmentScore[] = [];
    await this.work.run(cmd.organisationId, cmd.context, async (o) => {
      const snapshot = o.state.snapshot!;
      const day = today();
      const [candidates, load] = await Promise.all([
        this.directory.candidates(snapshot.agencyId, { from: day, until: day }, day),
        this.directory.appointedLoad(snapshot.agencyId, day),
      ]);
      const served = new Map([...load].map(([id, l]) => [id, l.headcount]));
      const proposal = proposeAppointment(
        { organisationId: o.id, regions: snapshot.details.regions, languages: snapshot.details.languages, current: snapshot.appointment },
        candidates,
        served,
      );
      scores = proposal.scores;
      if (!proposal.appointment) throw new E.NoAppointmentPossibleError();
      const appointment = { ...proposal.appointment, internalIds: snapshot.appointment.internalIds };
      const checks = await this.directory.appointeeChecks([appointment.primaryId, appointment.substituteId, ...appointment.internalIds]);
      o.appoint(appointment, 'matching', checks, new Date());
    });
    return { scores };
  }
}

@CommandHandler(VersionAgreement)
export class VersionAgreementHandler implements ICommandHandler<VersionAgreement, { version: number }> {
  constructor(private readonly work: OrganisationWork) {}

  async execute(cmd: VersionAgreement): Promise<{ version: number }> {
    let version = 0;
    await this.work.run(cmd.organisationId, cmd.context, (o) => {
      version = o.versionAgreement(cmd.agreement, new Date());
    });
    return { version };
  }
}

/** Work outside cases: by the coordinator for any counsellor of the agency, by a counsellor for themselves where they serve. */
@CommandHandler(RecordEngagement)
export class RecordEngagementHandler implements ICommandHandler<RecordEngagement, void> {
  constructor(
    private readonly work: OrganisationWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  async execute(cmd: RecordEngagement): Promise<void> {
    const { description, ...activity } = cmd.activity;
    const sealedDescription = await this.platform.privacy.sealer.seal(description, directoryKey('organisation', cmd.organisationId));
    await this.work.run(cmd.organisationId, cmd.context, async (o) => {
      const check = (await this.directory.appointeeChecks([activity.counsellorId])).get(activity.counsellorId);
      const appointment = o.state.snapshot!.appointment;
      const serves = [appointment.primaryId, appointment.substituteId, ...appointment.internalIds].includes(activity.counsellorId);
      if (!check?.active || check.agencyId !== o.state.snapshot!.agencyId || (cmd.byCounsellor && !serves))
        throw new E.AppointeeNotEligibleError();
      o.recordEngagement({ ...activity, sealedDescription }, new Date());
    });
  }
}
