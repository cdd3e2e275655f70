import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The daily visits to each organisation's intake page, as intake counted them (no visitor kept). */
export class PageVisits1796500000001 implements MigrationInterface {
  readonly name = 'PageVisits1796500000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists matching_page_visits (
      organisation_id uuid not null, agency_id uuid not null, day date not null, visits integer not null,
      primary key (organisation_id, day))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table matching_page_visits');
  }
}
