import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attempt counters every replica shares: keyed by keyed hashes (never a receipt code or a client address), each
 * row deleted once it holds nothing back (`expires_at`).
 */
export class Throttle1796500000030 implements MigrationInterface {
  readonly name = 'Throttle1796500000030';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists intake_throttle (
      key text primary key, failures integer not null default 0, at timestamptz not null, expires_at timestamptz not null)`);
    await runner.query('create index if not exists intake_throttle_expires on intake_throttle (expires_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table intake_throttle');
  }
}
