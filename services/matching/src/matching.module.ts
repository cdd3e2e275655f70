import { Module } from '@nestjs/common';
import { OutboxRelayLifecycle, provideReadModels } from '@vertrouwd/service-kit';
import { AgencyHttpController } from './api/http/agency.http.controller';
import { AuditorOrganisationsHttpController } from './api/http/auditor-organisations.http.controller';
import { CounsellorSelfHttpController } from './api/http/counsellor-self.http.controller';
import { PlatformAgenciesHttpController } from './api/http/platform-agencies.http.controller';
import {
  AppointCoordinatorHandler,
  ChangeAgencyStatusHandler,
  ConfigureAgencyHandler,
  RegisterAgencyHandler,
} from './application/agencies/agency.handlers';
import {
  CancelAbsenceHandler,
  ChangeCounsellorProfileHandler,
  DeactivateCounsellorHandler,
  DeclareConflictHandler,
  ReactivateCounsellorHandler,
  OnboardCounsellorHandler,
  RecordAbsenceHandler,
  WithdrawConflictHandler,
} from './application/counsellors/counsellor.handlers';
import { AgencyWork, CaseMatchWork, CounsellorWork, OrganisationWork } from './application/directory.runners';
import { CaseLoadListener, MatchingListener } from './application/integration/matching.listeners';
import { DeclineMatchHandler, MatchCaseHandler } from './application/match-case/match-case.handlers';
import {
  AppointByMatchingHandler,
  AppointCounsellorsHandler,
  ChangeHeadcountHandler,
  ChangeOrganisationDetailsHandler,
  RecordEngagementHandler,
  RegisterOrganisationHandler,
  VersionAgreementHandler,
} from './application/organisations/organisation.handlers';
import { MATCHING_DIRECTORY, STAFF_ACCOUNTS } from './application/ports/directory.port';
import { DirectoryProjector } from './application/projections/directory.projector';
import { DIRECTORY_READS } from './application/queries/directory-reads.port';
import { DirectoryQueries } from './application/queries/directory.queries';
import { SqlDirectoryReads } from './infrastructure/directory-reads.sql';
import { SqlMatchingDirectory } from './infrastructure/directory.sql';
import { IdentityStaffAccounts } from './infrastructure/identity-staff-accounts';
import { MATCHING_MIGRATIONS } from './infrastructure/migrations';

/** Wires the service: read models and projection, ports → SQL and the identity provider, handlers, listeners, API, outbox relay. */
@Module({
  controllers: [PlatformAgenciesHttpController, AgencyHttpController, AuditorOrganisationsHttpController, CounsellorSelfHttpController],
  providers: [
    ...provideReadModels({
      entities: [],
      migrations: MATCHING_MIGRATIONS,
      projectors: [new DirectoryProjector()],
    }),
    { provide: MATCHING_DIRECTORY, useClass: SqlMatchingDirectory },
    { provide: DIRECTORY_READS, useClass: SqlDirectoryReads },
    { provide: STAFF_ACCOUNTS, useClass: IdentityStaffAccounts },
    AgencyWork,
    CounsellorWork,
    OrganisationWork,
    CaseMatchWork,
    DirectoryQueries,
    RegisterAgencyHandler,
    ConfigureAgencyHandler,
    ChangeAgencyStatusHandler,
    AppointCoordinatorHandler,
    OnboardCounsellorHandler,
    ChangeCounsellorProfileHandler,
    DeactivateCounsellorHandler,
    ReactivateCounsellorHandler,
    RecordAbsenceHandler,
    CancelAbsenceHandler,
    DeclareConflictHandler,
    WithdrawConflictHandler,
    RegisterOrganisationHandler,
    ChangeOrganisationDetailsHandler,
    ChangeHeadcountHandler,
    AppointCounsellorsHandler,
    AppointByMatchingHandler,
    VersionAgreementHandler,
    RecordEngagementHandler,
    MatchCaseHandler,
    DeclineMatchHandler,
    MatchingListener,
    CaseLoadListener,
    OutboxRelayLifecycle,
  ],
})
export class MatchingModule {}
