import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff address book of notices until the matching service keeps a directory: one row per advisor or
 * coordinator, the address sealed under a key of its own (`directory:<userId>`), never in clear.
 */
export class CaseNotices1765100000000 implements MigrationInterface {
  readonly name = 'CaseNotices1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists recipient_directory (
      user_id uuid primary key, role text not null, agency_id uuid, advisor_id uuid unique,
      language text not null default 'nl', sealed_address text not null)`);
    await runner.query('create index if not exists recipient_directory_agency on recipient_directory (agency_id, role)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table recipient_directory');
  }
}
