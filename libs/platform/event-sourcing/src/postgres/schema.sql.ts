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
  -- Carries prevHash and hash: the tamper-evident chain, computed in Node, checked here.
  metadata    jsonb not null,
  recorded_at timestamptz not null default now(),
  constraint es_events_stream_version unique (stream_id, version)
);
create index es_events_category on es_events (category, position);

create table es_checkpoints (
  subscription_id text primary key,
  position        bigint not null,
  updated_at      timestamptz not null default now()
);

-- Appends a batch of appends (group commit): [{ s: stream, e: expected, p: prev hash | null,
-- ev: [{ id, t, d, m }] }] with e a version >= 0, -1 any, -2 no_stream, -3 stream_exists.
-- Each append is checked on its own. status: 0 appended; 1 wrong expected version; 2 already
-- appended (idempotent replay); 3 some ids already appended, others not; 4 the chain's previous
-- hash is not the stream's last (hash returned: chain again and resend).
create function es_append(p_batch jsonb)
  returns table (idx int, status int, version bigint, last_position bigint, last_hash text)
  language plpgsql as $fn$
#variable_conflict use_column
declare
  base bigint;
begin
  -- Held until commit: positions are allocated in commit order, so no reader ever skips one.
  perform pg_advisory_xact_lock(${APPEND_LOCK_KEY});
  select coalesce(max(e.position), 0) into base from es_events e;
  return query
  with input as (
    select a.ord::int as i, a.v->>'s' as s, (a.v->>'e')::bigint as e, a.v->>'p' as p, a.v->'ev' as ev,
           jsonb_array_length(a.v->'ev') as n
    from jsonb_array_elements(p_batch) with ordinality as a(v, ord)
  ), current as (
    select input.*, coalesce(last.version, -1) as cur_v, coalesce(last.hash, repeat('0', 64)) as cur_h,
           last.position as cur_p
    from input
    left join lateral (select l.version, l.metadata->>'hash' as hash, l.position from es_events l
                       where l.stream_id = input.s order by l.version desc limit 1) last on true
  ), checked as (
    select c.*, case
      when c.e = -1 then true
      when c.e = -2 then c.cur_v = -1
      when c.e = -3 then c.cur_v >= 0
      else c.e = c.cur_v end as version_ok
    from current c
  ), replay as (
    -- Only where a retry can hide: a failed check, or an expectation that never fails.
    select c.i, count(*) as seen, max(x.version) as v, max(x.position) as pos
    from checked c join es_events x on x.stream_id = c.s
      and x.version > case when c.version_ok then -1 else greatest(c.e, -1) end
      and x.event_id in (select (j->>'id')::uuid from jsonb_array_elements(c.ev) j)
    where c.n > 0 and (not c.version_ok or c.e in (-1, -3))
    group by c.i
  ), decided as (
    select c.*, r.v as replay_v, r.pos as replay_p, case
      when r.seen = c.n then 2
      when r.seen > 0 then 3
      when not c.version_ok then 1
      when c.p is distinct from c.cur_h then 4
      else 0 end as st
    from checked c left join replay r on r.i = c.i
  ), numbered as (
    select d.i, d.s, d.cur_v + k.ord as v, (k.j->>'id')::uuid as id, k.j->>'t' as t,
           split_part(d.s, '-', 1) as cat, k.j->'d' as data, k.j->'m' as meta,
           base + row_number() over (order by d.i, k.ord) as pos
    from decided d, jsonb_array_elements(d.ev) with ordinality as k(j, ord)
    where d.st = 0
  ), inserted as (
    insert into es_events (position, stream_id, version, event_id, type, category, data, metadata)
    select n.pos, n.s, n.v, n.id, n.t, n.cat, n.data, n.meta from numbered n
    returning 1
  )
  select d.i, d.st,
         case d.st when 0 then d.cur_v + d.n when 2 then d.replay_v else d.cur_v end,
         case d.st when 0 then coalesce((select max(n.pos) from numbered n where n.i = d.i), d.cur_p)
                   when 2 then d.replay_p else d.cur_p end,
         d.cur_h
  from decided d
  order by d.i;
  perform pg_notify('es_appended', '');
end
$fn$;
`,
  },
];
