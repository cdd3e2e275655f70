import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case read models. `if not exists`: databases whose tables an earlier version created (TypeORM's synchronize)
 * have them in this shape already.
 */
export class CaseReadModels1733500000000 implements MigrationInterface {
  readonly name = 'CaseReadModels1733500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists case_overview (
      "caseId" uuid primary key, "agencyId" uuid not null, "organisationId" uuid not null, theme text not null,
      status text not null, "advisorId" uuid, "receivedAt" timestamptz not null, "acknowledgedAt" timestamptz,
      "closedAt" timestamptz)`);
    await runner.query(`create index if not exists case_overview_agency on case_overview ("agencyId")`);
    await runner.query(`create index if not exists case_overview_status on case_overview (status)`);
    await runner.query(`create index if not exists case_overview_advisor on case_overview ("advisorId")`);
    await runner.query(`create table if not exists legal_clocks (
      "caseId" uuid primary key, "agencyId" uuid not null, "advisorId" uuid, "receivedAt" timestamptz not null,
      "acknowledgementDueAt" timestamptz not null, "acknowledgedAt" timestamptz, "feedbackDueAt" timestamptz not null,
      "feedbackAt" timestamptz, "acknowledgementMissed" boolean not null default false,
      "feedbackMissed" boolean not null default false, active boolean not null default true)`);
    await runner.query(`create index if not exists legal_clocks_agency on legal_clocks ("agencyId")`);
    await runner.query(`create index if not exists legal_clocks_advisor on legal_clocks ("advisorId")`);
    await runner.query(`create table if not exists agency_retention ("agencyId" uuid primary key, "monthsAfterClosure" int not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table agency_retention; drop table legal_clocks; drop table case_overview');
  }
}
