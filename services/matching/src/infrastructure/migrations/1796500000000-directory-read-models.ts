import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read models of matching. A changed shape is a new migration; this one never changes once released. */
export class DirectoryReadModels1796500000000 implements MigrationInterface {
  readonly name = 'DirectoryReadModels1796500000000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `create table if not exists matching_agencies (
        agency_id uuid primary key, sealed_name text not null, status text not null, settings jsonb not null,
        coordinators integer not null default 0, registered_at timestamptz not null)`,
      `create table if not exists matching_counsellors (
        counsellor_id uuid primary key, agency_id uuid not null, user_id text not null, username text not null,
        status text not null, profile jsonb not null, version integer not null, onboarded_at timestamptz not null)`,
      'create index if not exists matching_counsellors_agency on matching_counsellors (agency_id)',
      `create table if not exists matching_absences (
        absence_id uuid primary key, counsellor_id uuid not null, agency_id uuid not null, from_day date not null,
        until_day date not null, substitute_id uuid)`,
      'create index if not exists matching_absences_agency on matching_absences (agency_id, until_day)',
      `create table if not exists matching_conflicts (
        conflict_id uuid primary key, counsellor_id uuid not null, agency_id uuid not null, organisation_id uuid,
        case_id uuid, review_by date not null, declared_at timestamptz not null)`,
      'create index if not exists matching_conflicts_agency on matching_conflicts (agency_id)',
      `create table if not exists matching_organisations (
        organisation_id uuid primary key, agency_id uuid not null, intake_code text not null, snapshot jsonb not null,
        version integer not null, registered_at timestamptz not null)`,
      'create index if not exists matching_organisations_agency on matching_organisations (agency_id)',
      'create index if not exists matching_organisations_intake_code on matching_organisations (intake_code)',
      `create table if not exists matching_headcounts (
        organisation_id uuid not null, from_day date not null, headcount integer not null, changed_at timestamptz not null,
        primary key (organisation_id, from_day))`,
      `create table if not exists matching_appointments (
        organisation_id uuid not null, version integer not null, appointment jsonb not null, appointed_by text not null,
        appointed_at timestamptz not null, primary key (organisation_id, version))`,
      `create table if not exists matching_agreements (
        organisation_id uuid not null, version integer not null, agreement jsonb not null, versioned_at timestamptz not null,
        primary key (organisation_id, version))`,
      `create table if not exists matching_engagements (
        activity_id uuid primary key, organisation_id uuid not null, agency_id uuid not null, counsellor_id uuid not null,
        kind text not null, on_day date not null, minutes integer not null, sealed_description text not null,
        recorded_at timestamptz not null)`,
      'create index if not exists matching_engagements_org on matching_engagements (organisation_id, on_day)',
      `create table if not exists matching_decisions (
        case_id uuid not null, round integer not null, agency_id uuid not null, organisation_id uuid not null,
        counsellor_id uuid, tier text, reason text, request jsonb not null, decision jsonb not null,
        decided_at timestamptz not null, declined_at timestamptz, declined_conflict text, primary key (case_id, round))`,
      'create index if not exists matching_decisions_agency on matching_decisions (agency_id, decided_at)',
      `create table if not exists matching_case_load (
        case_id uuid primary key, counsellor_id uuid not null, open boolean not null, updated_at timestamptz not null)`,
      'create index if not exists matching_case_load_counsellor on matching_case_load (counsellor_id) where open',
      `create table if not exists matching_minutes (
        counsellor_id uuid not null, week date not null, minutes integer not null, primary key (counsellor_id, week))`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'matching_minutes',
      'matching_case_load',
      'matching_decisions',
      'matching_engagements',
      'matching_agreements',
      'matching_appointments',
      'matching_headcounts',
      'matching_organisations',
      'matching_conflicts',
      'matching_absences',
      'matching_counsellors',
      'matching_agencies',
    ]) {
      await runner.query(`drop table if exists ${table}`);
    }
  }
}
