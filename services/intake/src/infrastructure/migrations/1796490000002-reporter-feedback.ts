import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The advisor's feedback (what was done with the report) joins the reporter's thread, told apart from messages. */
export class ReporterFeedback1796490000002 implements MigrationInterface {
  readonly name = 'ReporterFeedback1796490000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table advisor_messages add column if not exists kind text not null default 'message'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table advisor_messages drop column kind');
  }
}
