/**
 * Versioned migrations of the PostgreSQL event store. Append new versions; never edit an applied one.
 *
 * Positions are dense and allocated under one transaction-scoped advisory lock held until commit, so
 * they become visible strictly in commit order: a reader can never skip an event (ADR 0005).
 */
export const APPEND_LOCK_KEY = 72_910_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'events, checkpoints and the batched append',
    sql: `
create table es_events (
  position    bigint primary key,
  stream_id   text not null,
  version     bigint not null,
  event_id    uuid not null,
  type        text not null,
  category    text not null,
  data        jsonb not null,
  metadata    jsonb not null,
  prev_hash   bytea not null,
  hash        bytea not null,
  recorded_at timestamptz not null default now(),
  constraint es_events_stream_version unique (stream_id, version)
);
create index es_events_event_id on es_events (event_id);
create index es_events_category on es_events (category, position);

create table es_checkpoints (
  subscription_id text primary key,
  position        bigint not null,
  updated_at      timestamptz not null default now()
);

-- One link of the hash chain: sha256(previous hash || content digest). As a window aggregate it chains
-- the events of one append in a single set-based statement (no per-event plpgsql).
create function es_chain_step(state bytea, digest bytea, genesis bytea) returns bytea
  language sql immutable parallel safe as 'select sha256(coalesce(state, genesis) || digest)';
create aggregate es_chain(bytea, bytea) (sfunc = es_chain_step, stype = bytea);

-- Appends a batch of appends (group commit): [{ s: stream, e: expected, ev: [{ id, t, d, m, h }] }].
-- e: a version >= 0, -1 any, -2 no_stream, -3 stream_exists. Each append is checked on its own.
-- status: 0 appended, 1 wrong expected version (version = actual, -1 for none), 2 already appended
-- (idempotent replay), 3 some ids already appended and others not.
create function es_append(p_batch jsonb)
  returns table (idx int, status int, version bigint, last_position bigint)
  language plpgsql as $fn$
#variable_conflict use_column
declare
  base bigint;
begin
  perform pg_advisory_xact_lock(${APPEND_LOCK_KEY});
  select coalesce(max(e.position), 0) into base from es_events e;
  return query
  with input as (
    select a.ord::int as i, a.v->>'s' as s, (a.v->>'e')::bigint as e, a.v->'ev' as ev,
           jsonb_array_length(a.v->'ev') as n
    from jsonb_array_elements(p_batch) with ordinality as a(v, ord)
  ), current as (
    select input.*, coalesce(last.version, -1) as cur_v, coalesce(last.hash, decode(repeat('00', 32), 'hex')) as cur_h,
           last.position as cur_p,
           (select count(*) from es_events x
             where x.stream_id = input.s
               and x.event_id in (select (j->>'id')::uuid from jsonb_array_elements(input.ev) j)) as seen
    from input
    left join lateral (select l.version, l.hash, l.position from es_events l
                       where l.stream_id = input.s order by l.version desc limit 1) last on true
  ), decided as (
    select c.*, case
      when c.n > 0 and c.seen = c.n then 2
      when c.seen > 0 then 3
      when c.e = -1 then 0
      when c.e = -2 then case when c.cur_v = -1 then 0 else 1 end
      when c.e = -3 then case when c.cur_v >= 0 then 0 else 1 end
      when c.e = c.cur_v then 0
      else 1 end as st
    from current c
  ), chained as (
    select d.i, d.s, d.cur_v + k.ord as v, k.ord, (k.j->>'id')::uuid as id, k.j->>'t' as t,
           split_part(d.s, '-', 1) as cat, k.j->'d' as data, coalesce(k.j->'m', '{}'::jsonb) as meta,
           d.cur_h, es_chain(decode(k.j->>'h', 'hex'), d.cur_h) over (partition by d.i order by k.ord) as h
    from decided d, jsonb_array_elements(d.ev) with ordinality as k(j, ord)
    where d.st = 0
  ), numbered as (
    select c.*, base + row_number() over (order by c.i, c.ord) as p,
           coalesce(lag(c.h) over (partition by c.i order by c.ord), c.cur_h) as prev
    from chained c
  ), inserted as (
    insert into es_events (position, stream_id, version, event_id, type, category, data, metadata, prev_hash, hash)
    select n.p, n.s, n.v, n.id, n.t, n.cat, n.data, n.meta, n.prev, n.h from numbered n
    returning 1
  ), replayed as (
    select d.i, max(x.version) as v, max(x.position) as p
    from decided d join es_events x on x.stream_id = d.s
      and x.event_id in (select (j->>'id')::uuid from jsonb_array_elements(d.ev) j)
    where d.st = 2 group by d.i
  )
  select d.i, d.st,
         case d.st when 0 then d.cur_v + d.n when 2 then r.v else d.cur_v end,
         case d.st when 0 then coalesce((select max(n.p) from numbered n where n.i = d.i), d.cur_p) when 2 then r.p else null end
  from decided d left join replayed r on r.i = d.i
  order by d.i;
  perform pg_notify('es_appended', '');
end
$fn$;
`,
  },
];
