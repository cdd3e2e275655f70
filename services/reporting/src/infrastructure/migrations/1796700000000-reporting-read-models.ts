import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting's read models: which organisation a case pseudonym belongs to (to journal a case's later facts), the
 * organisations with agency, headcount and sector (for the low-visibility signal), and the service's own secrets
 * (the report-signing key), sealed. Never a case id, never content.
 */
export class ReportingReadModels1796700000000 implements MigrationInterface {
  readonly name = 'ReportingReadModels1796700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting_cases (
      case_ref text primary key, organisation_id uuid not null, agency_id uuid not null, year integer not null)`);
    await runner.query('create index reporting_cases_agency_year on reporting_cases (agency_id, year)');
    await runner.query(`create table reporting_organisations (
      organisation_id uuid primary key, agency_id uuid not null, version integer not null, headcount integer not null, sbi_code text not null)`);
    await runner.query('create index reporting_organisations_agency on reporting_organisations (agency_id)');
    await runner.query('create table reporting_secrets (name text primary key, sealed_value text not null)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['reporting_secrets', 'reporting_organisations', 'reporting_cases']) await runner.query(`drop table ${table}`);
  }
}
