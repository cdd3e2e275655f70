import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "In progress" used to be the first assignment, which comes before the acknowledgement, so a reporter never read
 * `acknowledged`. It is now the first piece of work after the acknowledgement; a date an assignment wrote (none
 * acknowledged, or earlier than the acknowledgement) is cleared, and the next piece of work sets it again.
 */
export class ReportStatusInOrder1796480000001 implements MigrationInterface {
  readonly name = 'ReportStatusInOrder1796480000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`update report_status set in_progress_at = null
      where in_progress_at is not null and (acknowledged_at is null or in_progress_at < acknowledged_at)`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the cleared dates were those of assignments.
  }
}
