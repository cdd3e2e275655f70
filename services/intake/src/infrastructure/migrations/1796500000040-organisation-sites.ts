import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The provinces where an organisation has sites, as matching publishes them: the intake form's site question. */
export class OrganisationSites1796500000040 implements MigrationInterface {
  readonly name = 'OrganisationSites1796500000040';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table directory_organisations add column if not exists regions text[] not null default '{}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table directory_organisations drop column regions');
  }
}
