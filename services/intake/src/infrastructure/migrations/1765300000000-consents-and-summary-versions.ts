import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the reporter sees of consent and of Art. 18 summaries (issue 8): the consents their advisor recorded from a
 * conversation (to confirm or withdraw), the legal duties that overrode consent (the explanation sealed), and each
 * shared version of a summary (rows from before versions are version 1). Nothing here is readable personal data.
 */
export class ConsentsAndSummaryVersions1765300000000 implements MigrationInterface {
  readonly name = 'ConsentsAndSummaryVersions1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists recorded_consents (
      consent_id uuid primary key, case_id uuid not null, scope text not null, referral_type text,
      conversation_id uuid not null, recorded_at timestamptz not null)`);
    await runner.query('create index if not exists recorded_consents_case on recorded_consents (case_id, recorded_at)');
    await runner.query(`create table if not exists legal_duties (
      duty_id uuid primary key, case_id uuid not null, reason text not null, scope text not null, referral_type text,
      invoked_at timestamptz not null, sealed_explanation text not null)`);
    await runner.query('create index if not exists legal_duties_case on legal_duties (case_id, invoked_at)');
    await runner.query('alter table shared_summaries add column if not exists version integer not null default 1');
    await runner.query('alter table shared_summaries drop constraint if exists shared_summaries_pkey');
    await runner.query('alter table shared_summaries add constraint shared_summaries_pkey primary key (summary_id, version)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('delete from shared_summaries where version > 1');
    await runner.query('alter table shared_summaries drop constraint shared_summaries_pkey');
    await runner.query('alter table shared_summaries add constraint shared_summaries_pkey primary key (summary_id)');
    await runner.query('alter table shared_summaries drop column version');
    await runner.query('drop table legal_duties');
    await runner.query('drop table recorded_consents');
  }
}
