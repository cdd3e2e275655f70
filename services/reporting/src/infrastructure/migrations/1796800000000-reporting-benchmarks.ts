import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For benchmarks (ADR 0035): a case's theme beside its organisation and year (the agency's cells by theme), whether
 * an organisation is active, and the agency's benchmark rules where it chose stricter ones than the defaults.
 */
export class ReportingBenchmarks1796800000000 implements MigrationInterface {
  readonly name = 'ReportingBenchmarks1796800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table reporting_cases add column theme text');
    await runner.query('alter table reporting_organisations add column active boolean not null default true');
    await runner.query(`create table reporting_agency_rules (
      agency_id uuid primary key, k integer not null, min_organisations integer not null, max_share_percent integer not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting_agency_rules');
    await runner.query('alter table reporting_organisations drop column active');
    await runner.query('alter table reporting_cases drop column theme');
  }
}
