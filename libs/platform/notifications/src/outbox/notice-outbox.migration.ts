import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notice outbox, in the database of a service that sends notices (add it to the service's migrations). It holds
 * what to send and to which reference, never an address: the address is looked up (unsealed) only to send.
 */
export class NoticeOutboxTable1765000000000 implements MigrationInterface {
  readonly name = 'NoticeOutboxTable1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists notice_outbox (
      notice_key      text primary key,
      kind            text not null,
      recipient       text not null,
      case_id         uuid,
      created_at      timestamptz not null default now(),
      next_attempt_at timestamptz not null default now(),
      attempts        integer not null default 0,
      last_error      text,
      sent_at         timestamptz,
      dropped_at      timestamptz,
      dropped_because text)`);
    await runner.query(
      'create index if not exists notice_outbox_pending on notice_outbox (next_attempt_at) where sent_at is null and dropped_at is null',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table notice_outbox');
  }
}
