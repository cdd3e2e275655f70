import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Intake page visits per organisation and day: a counter, nothing about who visited. */
export class PageVisits1796500000020 implements MigrationInterface {
  readonly name = 'PageVisits1796500000020';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists intake_page_visits (
      organisation_id uuid not null, agency_id uuid not null, day date not null, visits integer not null,
      recorded boolean not null default false, primary key (organisation_id, day))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table intake_page_visits');
  }
}
