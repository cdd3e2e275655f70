import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A handover waits for the colleague's answer: the overview shows to whom, so the coordinator's queue can. */
export class HandoverOffers1796490000001 implements MigrationInterface {
  readonly name = 'HandoverOffers1796490000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table case_overview add column if not exists "handoverTo" uuid');
    await runner.query('create index if not exists case_overview_handover_to on case_overview ("handoverTo")');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table case_overview drop column "handoverTo"');
  }
}
