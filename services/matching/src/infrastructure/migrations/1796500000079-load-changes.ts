import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What changed in the load since a read, so a decision reads only that (ADR 0079): each row of `matching_open_cases` and
 * `matching_minutes` carries the id of the transaction that last wrote it (`changed`, set on every insert and update),
 * and a decision asks for the rows written by a transaction at or after the oldest one still running when it last
 * read. Rows removed cannot be asked for that way, so removing any (a rebuild's truncate) raises every agency's
 * directory version, and the kept load is read again in full.
 */
export class LoadChanges1796500000079 implements MigrationInterface {
  readonly name = 'LoadChanges1796500000079';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `create or replace function matching_load_written() returns trigger language plpgsql as $$
       begin
         new.changed := pg_current_xact_id();
         return new;
       end $$`,
      `create or replace function matching_load_removed() returns trigger language plpgsql as $$
       begin
         update matching_directory_versions set version = version + 1;
         return null;
       end $$`,
    ];
    for (const table of ['matching_open_cases', 'matching_minutes']) {
      statements.push(
        `alter table ${table} add column if not exists changed xid8 not null default pg_current_xact_id()`,
        `create index if not exists ${table}_changed on ${table} (changed)`,
        `create or replace trigger ${table}_written before insert or update on ${table}
           for each row execute function matching_load_written()`,
        `create or replace trigger ${table}_removed after delete on ${table}
           for each statement execute function matching_load_removed()`,
        `create or replace trigger ${table}_truncated after truncate on ${table}
           for each statement execute function matching_load_removed()`,
      );
    }
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['matching_open_cases', 'matching_minutes']) {
      for (const trigger of ['written', 'removed', 'truncated'])
        await runner.query(`drop trigger if exists ${table}_${trigger} on ${table}`);
      await runner.query(`drop index if exists ${table}_changed`);
      await runner.query(`alter table ${table} drop column if exists changed`);
    }
    await runner.query('drop function if exists matching_load_written()');
    await runner.query('drop function if exists matching_load_removed()');
  }
}
