import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the reporter asked for at intake, on the case overview: their language and the counsellor's gender and
 * kind (null for cases opened before these were kept). The overview's checkpoint is reset so its projector
 * replays the case events and fills them in for the cases that have them (its steps upsert and update by case:
 * replaying over the existing rows ends in the same rows, now complete).
 */
export class CaseOverviewReporterAsked1796480000000 implements MigrationInterface {
  readonly name = 'CaseOverviewReporterAsked1796480000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table case_overview add column if not exists language text,
      add column if not exists "preferredAdvisorGender" text, add column if not exists "preferredAdvisorKind" text`);
    await runner.query(`do $$ begin
      if to_regclass('projection_checkpoints') is not null then
        delete from projection_checkpoints where projection = 'case-overview';
      end if;
    end $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table case_overview drop column language, drop column "preferredAdvisorGender",
      drop column "preferredAdvisorKind"`);
  }
}
