import type { CommandContext } from '@vertrouwd/service-kit';
import type { Agreement, Appointment, EngagementKind, Region } from '../../domain/directory/directory.values';

/** An organisation's details as the coordinator gives them: the name in plain text, sealed by the handler. */
export interface DetailsInput {
  name: string;
  intakeCode: string;
  kvkNumber: string;
  vatId?: string;
  sbiCode: string;
  regions: Region[];
  languages: string[];
}

export class RegisterOrganisation {
  constructor(
    readonly agencyId: string,
    readonly organisationId: string,
    readonly details: DetailsInput,
    readonly headcount: number,
    readonly headcountFrom: string,
    readonly context: CommandContext,
  ) {}
}
export class ChangeOrganisationDetails {
  constructor(
    readonly organisationId: string,
    readonly details: DetailsInput,
    readonly context: CommandContext,
  ) {}
}
export class ChangeHeadcount {
  constructor(
    readonly organisationId: string,
    readonly headcount: number,
    readonly from: string,
    readonly context: CommandContext,
  ) {}
}
export class AppointCounsellors {
  constructor(
    readonly organisationId: string,
    readonly appointment: Appointment,
    readonly context: CommandContext,
  ) {}
}
/** Matching proposes the primary and substitute and, the coordinator having asked for it, appoints them. */
export class AppointByMatching {
  constructor(
    readonly organisationId: string,
    readonly context: CommandContext,
  ) {}
}
export class VersionAgreement {
  constructor(
    readonly organisationId: string,
    readonly agreement: Agreement,
    readonly context: CommandContext,
  ) {}
}
export class RecordEngagement {
  constructor(
    readonly organisationId: string,
    readonly activity: { activityId: string; counsellorId: string; kind: EngagementKind; on: string; minutes: number; description: string },
    /** When a counsellor records their own work: only for an organisation they serve. */
    readonly byCounsellor: boolean,
    readonly context: CommandContext,
  ) {}
}
