import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the case's legal clocks follow from, so the reporter's status answer gives the deadlines the counsellor sees
 * (`deadlinesAt` of @vertrouwd/domain): when the clocks started again (a resumption after a withdrawal; null: at
 * receipt), the first acknowledgement and the first feedback since then, and whether the current closure is a
 * withdrawal (a reopening after one is the reporter's resumption). Existing rows get their acknowledgement and
 * first feedback; a report withdrawn before this migration and resumed after it keeps its clocks from receipt here,
 * as intake cannot tell that closure from another one.
 */
export class ReportDeadlines1796500000050 implements MigrationInterface {
  readonly name = 'ReportDeadlines1796500000050';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table report_status
      add column if not exists clocks_from timestamptz,
      add column if not exists clock_acknowledged_at timestamptz,
      add column if not exists clock_feedback_at timestamptz,
      add column if not exists closed_withdrawn boolean not null default false`);
    await runner.query(`update report_status s set clock_acknowledged_at = s.acknowledged_at,
      clock_feedback_at = (select min(m.sent_at) from advisor_messages m where m.case_id = s.case_id and m.kind = 'feedback')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table report_status drop column clocks_from, drop column clock_acknowledged_at,
      drop column clock_feedback_at, drop column closed_withdrawn`);
  }
}
