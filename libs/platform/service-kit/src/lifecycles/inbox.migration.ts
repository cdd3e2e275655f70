import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox (messages a listener has handled), in every service's database. `if not exists`: services that kept
 * it through the earlier hand-written migrations have it already, in the same shape.
 */
export class InboxTable1733400000000 implements MigrationInterface {
  readonly name = 'InboxTable1733400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists inbox (
      consumer   text not null,
      message_id text not null,
      handled_at timestamptz not null default now(),
      primary key (consumer, message_id))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table inbox');
  }
}
