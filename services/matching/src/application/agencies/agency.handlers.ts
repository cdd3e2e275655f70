import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { Agency } from '../../domain/directory/agency.aggregate';
import { AgencyExistsError } from '../../domain/directory/directory.errors';
import { AgencyWork, directoryKey } from '../directory.runners';
import { STAFF_ACCOUNTS, type StaffAccounts } from '../ports/directory.port';
import { AppointCoordinator, ChangeAgencyStatus, ConfigureAgency, RegisterAgency } from './agency.commands';

@CommandHandler(RegisterAgency)
export class RegisterAgencyHandler implements ICommandHandler<RegisterAgency, void> {
  constructor(
    private readonly work: AgencyWork,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  async execute(cmd: RegisterAgency): Promise<void> {
    const agency = new Agency();
    const sealedName = await this.platform.privacy.sealer.seal(cmd.name, directoryKey('agency', cmd.agencyId));
    agency.register(cmd.agencyId, sealedName, cmd.settings, new Date());
    if (!(await this.work.create(agency, cmd.context))) throw new AgencyExistsError();
  }
}

@CommandHandler(ConfigureAgency)
export class ConfigureAgencyHandler implements ICommandHandler<ConfigureAgency, void> {
  constructor(private readonly work: AgencyWork) {}

  execute(cmd: ConfigureAgency): Promise<void> {
    return this.work.run(cmd.agencyId, cmd.context, (a) => a.configure(cmd.settings, new Date()));
  }
}

@CommandHandler(ChangeAgencyStatus)
export class ChangeAgencyStatusHandler implements ICommandHandler<ChangeAgencyStatus, void> {
  constructor(private readonly work: AgencyWork) {}

  execute(cmd: ChangeAgencyStatus): Promise<void> {
    return this.work.run(cmd.agencyId, cmd.context, (a) => (cmd.status === 'suspended' ? a.suspend(new Date()) : a.reinstate(new Date())));
  }
}

/** The admin gives an agency its coordinator: the account first (idempotent by username), then the record. */
@CommandHandler(AppointCoordinator)
export class AppointCoordinatorHandler implements ICommandHandler<AppointCoordinator, { userId: string }> {
  constructor(
    private readonly work: AgencyWork,
    @Inject(STAFF_ACCOUNTS) private readonly accounts: StaffAccounts,
  ) {}

  async execute(cmd: AppointCoordinator): Promise<{ userId: string }> {
    let userId = '';
    await this.work.run(cmd.agencyId, cmd.context, async (a) => {
      a.requireActive(); // no account for a suspended or unknown agency
      ({ userId } = await this.accounts.ensureAccount({
        username: cmd.username,
        email: cmd.email,
        roles: ['coordinator'],
        agencyId: cmd.agencyId,
      }));
      a.appointCoordinator(userId, new Date());
    });
    return { userId };
  }
}
