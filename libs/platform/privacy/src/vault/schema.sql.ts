import type { Migration } from '@vertrouwd/event-sourcing';

/**
 * Versioned migrations of the privacy tables, applied by the platform's `applyMigrations` under
 * advisory lock (LOCK_NAMESPACE, PRIVACY_MIGRATION_LOCK). Append new versions; never edit an applied one.
 */
export const PRIVACY_MIGRATION_LOCK = 4;
/**
 * Namespace of the per-case and per-subject locks that serialise key creation against shredding.
 * Two-key form: single bigint advisory keys belong to the event store's position markers.
 */
export const REF_LOCK_NAMESPACE = 7293;

export const privacyMigrations: Migration[] = [
  {
    version: 1,
    name: 'key vault, audit secrets',
    sql: `
-- Which master key wraps this vault: a process with another one fails at start, not at first unseal.
create table privacy_vault (
  singleton     boolean primary key default true check (singleton),
  master_key_id text not null,
  created_at    timestamptz not null default now()
);

-- One row per data key. Shredding nulls wrapped_key and keeps the row: key ids stay known (sealed
-- values read as erased, not as unknown), and the row is the tombstone that refuses a new key for
-- an erased case or subject. Refs are opaque ids, never names.
create table privacy_keys (
  key_id       uuid primary key,
  scope        text not null check (scope in ('subject', 'case')),
  subject_kind text check (subject_kind in ('reporter', 'accused', 'witness')),
  subject_ref  text,
  -- null only on the tombstone of a subject shredded before it had any key
  case_ref     text,
  wrapped_key  bytea,
  wrapped_by   text,
  created_at   timestamptz not null default now(),
  shredded_at  timestamptz,
  constraint privacy_keys_one_per_ref unique nulls not distinct (scope, subject_kind, subject_ref, case_ref),
  constraint privacy_keys_ref_shape check (
    (scope = 'case' and subject_kind is null and subject_ref is null and case_ref is not null)
    or (scope = 'subject' and subject_kind is not null and subject_ref is not null)),
  constraint privacy_keys_live_xor_shredded check (
    (wrapped_key is not null and wrapped_by is not null and shredded_at is null)
    or (wrapped_key is null and shredded_at is not null))
);
create index privacy_keys_by_case on privacy_keys (case_ref);
create index privacy_keys_by_subject on privacy_keys (subject_kind, subject_ref) where scope = 'subject';

-- One random HMAC secret per audit, wrapped like the data keys; ending the audit shreds it.
create table privacy_audit_secrets (
  audit_id       text primary key,
  wrapped_secret bytea,
  wrapped_by     text,
  created_at     timestamptz not null default now(),
  ended_at       timestamptz,
  constraint privacy_audit_secrets_live_xor_ended check ((wrapped_secret is null) = (ended_at is not null))
);
`,
  },
  {
    version: 2,
    name: 'fresh keys in one round trip',
    sql: `
-- New keys for refs that have none yet, all or none, in one statement from the client: takes the refs' locks in the
-- order given (cases before subjects, as every creator and shredder does), then inserts unless a case or subject
-- named was shredded. Each statement of a volatile function sees what committed before it began, so a shred that
-- committed while this waited for a lock is seen. Answers how many keys it made, and the tombstone's scope if none.
create function privacy_create_keys(locks text[], key_ids uuid[], scopes text[], subject_kinds text[], subject_refs text[],
                                    case_refs text[], wrapped_keys bytea[], wrapped_by text)
returns table (created int, shredded text) language plpgsql volatile as $fn$
declare
  n int;
  s text;
begin
  perform pg_advisory_xact_lock(${REF_LOCK_NAMESPACE}, hashtext(l)) from unnest(locks) with ordinality as x(l, i) order by i;
  insert into privacy_keys (key_id, scope, subject_kind, subject_ref, case_ref, wrapped_key, wrapped_by)
  select k.key_id, k.scope, k.subject_kind, k.subject_ref, k.case_ref, k.wrapped_key, wrapped_by
  from unnest(key_ids, scopes, subject_kinds, subject_refs, case_refs, wrapped_keys)
       as k(key_id, scope, subject_kind, subject_ref, case_ref, wrapped_key)
  where not exists (
    select 1 from privacy_keys t, unnest(case_refs, subject_kinds, subject_refs) as r(case_ref, subject_kind, subject_ref)
    where t.shredded_at is not null
      and ((t.scope = 'case' and t.case_ref = r.case_ref)
        or (t.scope = 'subject' and t.subject_kind = r.subject_kind and t.subject_ref = r.subject_ref)));
  get diagnostics n = row_count;
  if n = 0 then
    select t.scope into s
    from privacy_keys t, unnest(case_refs, subject_kinds, subject_refs) as r(case_ref, subject_kind, subject_ref)
    where t.shredded_at is not null
      and ((t.scope = 'case' and t.case_ref = r.case_ref)
        or (t.scope = 'subject' and t.subject_kind = r.subject_kind and t.subject_ref = r.subject_ref))
    limit 1;
  end if;
  return query select n, s;
end
$fn$;
`,
  },
  {
    version: 3,
    name: 'fresh keys on a generic plan',
    sql: `
-- PL/pgSQL plans the tombstone check for each call's values when a generic plan looks no cheaper; planning that join
-- cost more than running it (about 150 µs of the server's CPU per call, measured). The plan is the same either way:
-- index probes per ref.
alter function privacy_create_keys(text[], uuid[], text[], text[], text[], text[], bytea[], text)
  set plan_cache_mode = force_generic_plan;
`,
  },
  {
    version: 4,
    name: 'fresh keys by index probes per ref',
    sql: `
-- Version 3's generic plan is made once per connection and kept until the table's statistics change. Made while
-- privacy_keys looked empty (a new vault, before autovacuum's first analyze), the tombstone check of version 2 (one
-- join on an OR of the two scopes) read every key: each call cost time in proportion to every key ever made (3.4 ms
-- for 14 keys at 7,000 keys, 19 ms at 42,000, measured), until an analyze replaced the plan. Here each ref asks two
-- questions of its own, each an equality on an indexed column, and sequential scans are off while the function's
-- statements are planned: a table that looked empty (never analyzed, or analyzed while it was) still gets index
-- probes, never a scan of every key. A later replacement must restate both settings: create or replace keeps only
-- the SET clauses it is given.
create or replace function privacy_create_keys(locks text[], key_ids uuid[], scopes text[], subject_kinds text[],
                                               subject_refs text[], case_refs text[], wrapped_keys bytea[], wrapped_by text)
returns table (created int, shredded text) language plpgsql volatile
set plan_cache_mode = force_generic_plan
set enable_seqscan = off as $fn$
declare
  n int;
  s text;
begin
  perform pg_advisory_xact_lock(${REF_LOCK_NAMESPACE}, hashtext(l)) from unnest(locks) with ordinality as x(l, i) order by i;
  select t.scope into s
  from unnest(case_refs, subject_kinds, subject_refs) as r(case_ref, subject_kind, subject_ref),
       lateral (select 'case'::text as scope from privacy_keys c
                where c.case_ref = r.case_ref and c.scope = 'case' and c.shredded_at is not null
                union all
                select 'subject' from privacy_keys u
                where u.subject_kind = r.subject_kind and u.subject_ref = r.subject_ref and u.scope = 'subject'
                  and u.shredded_at is not null) as t
  limit 1;
  if s is not null then
    return query select 0, s;
    return;
  end if;
  insert into privacy_keys (key_id, scope, subject_kind, subject_ref, case_ref, wrapped_key, wrapped_by)
  select k.key_id, k.scope, k.subject_kind, k.subject_ref, k.case_ref, k.wrapped_key, wrapped_by
  from unnest(key_ids, scopes, subject_kinds, subject_refs, case_refs, wrapped_keys)
       as k(key_id, scope, subject_kind, subject_ref, case_ref, wrapped_key);
  get diagnostics n = row_count;
  return query select n, s;
end
$fn$;
`,
  },
];
