import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The identity reveal requests of a case, as the reporter sees them: the reason sealed, the decision once made. */
export class IdentityReveals1796490000004 implements MigrationInterface {
  readonly name = 'IdentityReveals1796490000004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists identity_reveals (
      reveal_id uuid primary key, case_id uuid not null, viewer text not null, requested_at timestamptz not null,
      sealed_reason text not null, decision text, decided_by text, decided_at timestamptz)`);
    await runner.query('create index if not exists identity_reveals_case on identity_reveals (case_id, requested_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table identity_reveals');
  }
}
