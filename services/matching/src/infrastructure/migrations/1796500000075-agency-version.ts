import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency's stream version, which its settings' read sends as ETag and `PUT …/settings` compares with If-Match.
 * Null until the agency's next event (or a rebuild): such a read sends no ETag, so no write is refused for it.
 */
export class AgencyVersion1796500000075 implements MigrationInterface {
  readonly name = 'AgencyVersion1796500000075';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table matching_agencies add column if not exists version integer');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table matching_agencies drop column if exists version');
  }
}
