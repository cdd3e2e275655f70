import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every piece of work on a case (a conversation, a message, a shared summary, feedback) with its time, so "in
 * progress" is the first one at or after the acknowledgement whatever order the events were applied in. An existing
 * in-progress date is kept as the first piece of work.
 */
export class WorkTimes1796490000005 implements MigrationInterface {
  readonly name = 'WorkTimes1796490000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table report_status add column if not exists work_times timestamptz[] not null default '{}'`);
    await runner.query(`update report_status set work_times = array[in_progress_at]
      where in_progress_at is not null and cardinality(work_times) = 0`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table report_status drop column work_times');
  }
}
