import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake's own tables. Nothing here is readable personal data: receipts are keyed hashes, messages and summaries
 * stay sealed, secrets are sealed under the key vault. `if not exists`: databases of an earlier version made them
 * with the hand-written migrations, in this shape.
 */
export class IntakeReadModels1733700000000 implements MigrationInterface {
  readonly name = 'IntakeReadModels1733700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists intake_organisations (
      intake_code text primary key, organisation_id uuid not null unique, agency_id uuid not null,
      name text not null, languages text[] not null, counsellors jsonb not null)`);
    await runner.query(`create table if not exists receipts (
      receipt_hash text primary key, case_id uuid not null unique, passphrase_hash text not null,
      created_at timestamptz not null default now())`);
    await runner.query(`create table if not exists report_status (
      case_id uuid primary key, received_at timestamptz, acknowledged_at timestamptz, in_progress_at timestamptz,
      closed_at timestamptz, reopened_at timestamptz)`);
    await runner.query(`create table if not exists advisor_messages (
      message_id uuid primary key, case_id uuid not null, sent_at timestamptz not null, sealed_body text not null)`);
    await runner.query('create index if not exists advisor_messages_case on advisor_messages (case_id, sent_at)');
    await runner.query(`create table if not exists shared_summaries (
      summary_id uuid primary key, case_id uuid not null, shared_at timestamptz not null, sealed_summary text not null)`);
    await runner.query('create index if not exists shared_summaries_case on shared_summaries (case_id, shared_at)');
    await runner.query('create table if not exists intake_secrets (name text primary key, sealed_value text not null)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['intake_secrets', 'shared_summaries', 'advisor_messages', 'report_status', 'receipts', 'intake_organisations']) {
      await runner.query(`drop table ${table}`);
    }
  }
}
