import type { Pool } from 'pg';
import { applyMigrations, type Migration } from '@vertrouwd/event-sourcing';
import { inboxMigrations } from '@vertrouwd/messaging';

/**
 * Intake's own tables. Nothing here is readable personal data: receipts are keyed hashes, messages and
 * summaries stay sealed, secrets are sealed under the key vault.
 */
const migrations: Migration[] = [
  {
    version: 1,
    name: 'organisations, receipts, status, thread, summaries, secrets',
    sql: `
create table intake_organisations (
  intake_code text primary key, organisation_id uuid not null unique, agency_id uuid not null,
  name text not null, languages text[] not null, counsellors jsonb not null);
create table receipts (
  receipt_hash text primary key, case_id uuid not null unique, passphrase_hash text not null,
  created_at timestamptz not null default now());
create table report_status (
  case_id uuid primary key, received_at timestamptz, acknowledged_at timestamptz, in_progress_at timestamptz,
  closed_at timestamptz, reopened_at timestamptz);
create table advisor_messages (
  message_id uuid primary key, case_id uuid not null, sent_at timestamptz not null, sealed_body text not null);
create index advisor_messages_case on advisor_messages (case_id, sent_at);
create table shared_summaries (
  summary_id uuid primary key, case_id uuid not null, shared_at timestamptz not null, sealed_summary text not null);
create index shared_summaries_case on shared_summaries (case_id, shared_at);
create table intake_secrets (name text primary key, sealed_value text not null);`,
  },
];

export async function migrateIntake(pool: Pool): Promise<void> {
  await applyMigrations(pool, { historyTable: 'intake_schema_migrations', lockId: 41, migrations });
  await applyMigrations(pool, { historyTable: 'intake_inbox_migrations', lockId: 42, migrations: inboxMigrations });
}
