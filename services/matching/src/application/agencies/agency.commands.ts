import type { CommandContext } from '@vertrouwd/service-kit';
import type { AgencySettings } from '../../domain/directory/agency.events';

export class RegisterAgency {
  constructor(
    readonly agencyId: string,
    readonly name: string,
    readonly settings: AgencySettings,
    readonly context: CommandContext,
  ) {}
}
export class ConfigureAgency {
  constructor(
    readonly agencyId: string,
    readonly settings: AgencySettings,
    readonly context: CommandContext,
  ) {}
}
export class ChangeAgencyStatus {
  constructor(
    readonly agencyId: string,
    readonly status: 'suspended' | 'active',
    readonly context: CommandContext,
  ) {}
}
export class AppointCoordinator {
  constructor(
    readonly agencyId: string,
    readonly username: string,
    readonly email: string,
    readonly context: CommandContext,
  ) {}
}
