import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal clocks by Dutch calendar day, with a regime and a stop. Due dates written before were UTC instants (and the
 * unacknowledged feedback date came 2 days late at some month ends), so the table is emptied and its checkpoint
 * removed: the projector replays every case from its events with the rules of today.
 */
export class LegalClocksByCalendarDay1796490000000 implements MigrationInterface {
  readonly name = 'LegalClocksByCalendarDay1796490000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table legal_clocks add column if not exists regime text not null default 'service-standard',
      add column if not exists "stoppedAt" timestamptz`);
    await runner.query('delete from legal_clocks');
    await runner.query(`do $$ begin
      if to_regclass('projection_checkpoints') is not null then
        delete from projection_checkpoints where projection = 'legal-clocks';
      end if;
    end $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table legal_clocks drop column regime, drop column "stoppedAt"');
  }
}
