import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching's directory as intake's page needs it, fed by matching's integration events: organisations (by id, each
 * with its intake code), their counsellors, and which agencies are suspended. Each snapshot row keeps its version,
 * so an older snapshot arriving late changes nothing. Names and introductions stay sealed under the directory
 * record's key; the page unseals them when it is served. `intake_organisations`, which a demo seed filled on every
 * start, goes: the page now reads only what matching published.
 */
export class DirectoryReadModels1796490000006 implements MigrationInterface {
  readonly name = 'DirectoryReadModels1796490000006';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists directory_organisations (
      organisation_id uuid primary key, agency_id uuid not null, version integer not null, status text not null,
      intake_code text not null, sealed_name text not null, languages text[] not null,
      primary_counsellor_id uuid, substitute_counsellor_id uuid, internal_counsellor_ids uuid[] not null,
      changed_at timestamptz not null)`);
    await runner.query('create index if not exists directory_organisations_code on directory_organisations (intake_code, changed_at desc)');
    await runner.query(`create table if not exists directory_counsellors (
      counsellor_id uuid primary key, agency_id uuid not null, version integer not null, status text not null,
      kind text not null, organisation_id uuid, languages text[] not null, gender text not null,
      sealed_name text not null, sealed_introduction text, changed_at timestamptz not null)`);
    await runner.query(`create table if not exists directory_agencies (
      agency_id uuid primary key, status text not null, changed_at timestamptz not null)`);
    await runner.query('drop table if exists intake_organisations');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists intake_organisations (
      intake_code text primary key, organisation_id uuid not null unique, agency_id uuid not null,
      name text not null, languages text[] not null, counsellors jsonb not null)`);
    for (const table of ['directory_agencies', 'directory_counsellors', 'directory_organisations']) {
      await runner.query(`drop table if exists ${table}`);
    }
  }
}
