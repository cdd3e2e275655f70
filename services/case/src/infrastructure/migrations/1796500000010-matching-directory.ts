import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching's directory as case needs it (who may act on a case of an agency), and matching's decisions that arrived
 * before the case they are for.
 */
export class MatchingDirectory1796500000010 implements MigrationInterface {
  readonly name = 'MatchingDirectory1796500000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists case_counsellors (
      counsellor_id uuid primary key, agency_id uuid not null, active boolean not null, version integer not null)`);
    await runner.query(`create table if not exists case_pending_matches (
      case_id uuid primary key, agency_id uuid not null, advisor_id uuid not null, round integer not null, received_at timestamptz not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table case_pending_matches');
    await runner.query('drop table case_counsellors');
  }
}
