import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access logs of all cases as one table, for the auditor's list with filters and paging. New: the projector
 * starts from zero and fills it from the existing `access-*` streams.
 */
export class CaseAccessLog1796510000000 implements MigrationInterface {
  readonly name = 'CaseAccessLog1796510000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists case_access_log (
      position bigint primary key, "caseId" uuid not null, actor text not null, "readAt" timestamptz not null,
      reason text, fields text[] not null)`);
    await runner.query('create index if not exists case_access_log_case on case_access_log ("caseId", "readAt")');
    await runner.query('create index if not exists legal_clocks_agency_received on legal_clocks ("agencyId", "receivedAt")');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index if exists legal_clocks_agency_received');
    await runner.query('drop table case_access_log');
  }
}
