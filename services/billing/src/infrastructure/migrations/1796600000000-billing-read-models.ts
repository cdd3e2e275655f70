import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models of billing. Facts from other services (organisations and their headcount history, minutes of
 * work) and projections of billing's own streams (subscriptions, issued documents). No case id is kept: case work
 * is a pseudonymous reference, used to count distinct cases. A changed shape is a new migration.
 */
export class BillingReadModels1796600000000 implements MigrationInterface {
  readonly name = 'BillingReadModels1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table billing_organisations (
      organisation_id uuid primary key, agency_id uuid not null, version integer not null, active boolean not null,
      kvk text not null, vat_id text)`);
    await runner.query('create index billing_organisations_agency on billing_organisations (agency_id)');
    await runner.query(`create table billing_headcounts (
      organisation_id uuid not null, from_day date not null, headcount integer not null, version integer not null,
      primary key (organisation_id, from_day))`);
    await runner.query(`create table billing_usage (
      fact_id uuid primary key, organisation_id uuid not null, source text not null check (source in ('case', 'activity')),
      case_ref text, on_day date not null, minutes integer not null check (minutes >= 0))`);
    await runner.query('create index billing_usage_organisation on billing_usage (organisation_id, on_day)');
    await runner.query(`create table billing_subscriptions (
      organisation_id uuid primary key, agency_id uuid not null, starts_on date not null, ends_on date, terms jsonb not null)`);
    await runner.query('create index billing_subscriptions_agency on billing_subscriptions (agency_id)');
    await runner.query(`create table billing_documents (
      agency_id uuid not null, number text not null, kind text not null, organisation_id uuid not null, period_key text,
      issue_date date not null, corrects text, payable_cents bigint not null, document jsonb not null,
      ubl_sha256 text not null, pdf_sha256 text not null, primary key (agency_id, number))`);
    await runner.query('create index billing_documents_organisation on billing_documents (organisation_id, issue_date)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['billing_documents', 'billing_subscriptions', 'billing_usage', 'billing_headcounts', 'billing_organisations']) {
      await runner.query(`drop table ${table}`);
    }
  }
}
