import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a decision reads per report, kept small (ADR 0078): each counsellor's open cases as a counter, kept by a trigger
 * on `matching_case_load`, and each agency's directory version, raised by triggers on every change to its counsellors,
 * absences and conflicts, so a service may keep those in memory and read only the version to know they still hold.
 * Triggers, not the writers: every write reaches them, the projector's, the listeners' and a rebuild's alike.
 */
export class DecisionReads1796500000078 implements MigrationInterface {
  readonly name = 'DecisionReads1796500000078';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      'create table if not exists matching_directory_versions (agency_id uuid primary key, version bigint not null)',
      'create table if not exists matching_open_cases (counsellor_id uuid primary key, open_cases integer not null)',
      `create or replace function matching_directory_changed() returns trigger language plpgsql as $$
       begin
         if tg_op = 'TRUNCATE' then
           update matching_directory_versions set version = version + 1;
           return null;
         end if;
         if tg_op <> 'INSERT' then
           insert into matching_directory_versions as v values (old.agency_id, 1)
             on conflict (agency_id) do update set version = v.version + 1;
         end if;
         if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.agency_id is distinct from old.agency_id) then
           insert into matching_directory_versions as v values (new.agency_id, 1)
             on conflict (agency_id) do update set version = v.version + 1;
         end if;
         return null;
       end $$`,
      `create or replace function matching_case_load_changed() returns trigger language plpgsql as $$
       begin
         if tg_op = 'TRUNCATE' then
           truncate matching_open_cases;
           return null;
         end if;
         if tg_op <> 'INSERT' and old.open then
           update matching_open_cases set open_cases = open_cases - 1 where counsellor_id = old.counsellor_id;
         end if;
         if tg_op <> 'DELETE' and new.open then
           insert into matching_open_cases as o values (new.counsellor_id, 1)
             on conflict (counsellor_id) do update set open_cases = o.open_cases + 1;
         end if;
         return null;
       end $$`,
    ];
    for (const table of ['matching_counsellors', 'matching_absences', 'matching_conflicts']) {
      statements.push(
        `create or replace trigger ${table}_version after insert or update or delete on ${table}
           for each row execute function matching_directory_changed()`,
        `create or replace trigger ${table}_version_truncate after truncate on ${table}
           for each statement execute function matching_directory_changed()`,
      );
    }
    statements.push(
      `create or replace trigger matching_case_load_open after insert or update or delete on matching_case_load
         for each row execute function matching_case_load_changed()`,
      `create or replace trigger matching_case_load_open_truncate after truncate on matching_case_load
         for each statement execute function matching_case_load_changed()`,
      // What is there already: the counters from the rows, a version for every agency with counsellors.
      `insert into matching_open_cases (counsellor_id, open_cases)
         select counsellor_id, count(*) from matching_case_load where open group by counsellor_id
         on conflict (counsellor_id) do update set open_cases = excluded.open_cases`,
      `insert into matching_directory_versions (agency_id, version)
         select distinct agency_id, 1 from matching_counsellors on conflict (agency_id) do nothing`,
      'create index if not exists matching_minutes_week on matching_minutes (week, counsellor_id) include (minutes)',
      'create index if not exists matching_counsellors_agency_order on matching_counsellors (agency_id, counsellor_id)',
      // It serves every read by agency too: the index on the agency alone would only cost writes.
      'drop index if exists matching_counsellors_agency',
    );
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('create index if not exists matching_counsellors_agency on matching_counsellors (agency_id)');
    await runner.query('drop index if exists matching_counsellors_agency_order');
    await runner.query('drop index if exists matching_minutes_week');
    for (const table of ['matching_counsellors', 'matching_absences', 'matching_conflicts']) {
      await runner.query(`drop trigger if exists ${table}_version on ${table}`);
      await runner.query(`drop trigger if exists ${table}_version_truncate on ${table}`);
    }
    await runner.query('drop trigger if exists matching_case_load_open on matching_case_load');
    await runner.query('drop trigger if exists matching_case_load_open_truncate on matching_case_load');
    await runner.query('drop function if exists matching_directory_changed()');
    await runner.query('drop function if exists matching_case_load_changed()');
    await runner.query('drop table if exists matching_open_cases');
    await runner.query('drop table if exists matching_directory_versions');
  }
}
