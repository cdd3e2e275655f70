/**
 * Versioned migrations of the PostgreSQL event store. Append new versions; never edit an applied one.
 *
 * Global order without skips (ADR 0005): positions come from a sequence, so writers never wait for
 * each other, and every writer holds a *position marker* while it is in flight: a shared,
 * transaction-scoped advisory lock on a bigint key no greater than any position it allocates. A
 * reader first reads the sequence, then the markers, and reads only up to the lower of the two: every
 * position below that is committed or rolled back, whatever order the writers commit in. Bigint
 * advisory keys in an event-store database therefore belong to the markers; other locks use two keys.
 */
export const LOCK_NAMESPACE = 7291;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'events, checkpoints, position markers',
    sql: `
-- CACHE 1 (the default) is part of the gap-safety argument: never cache sequence values per session.
create sequence es_position_seq as bigint cache 1;

create table es_events (
  position    bigint primary key,
  stream_id   text not null,
  version     bigint not null,
  event_id    uuid not null,
  type        text not null,
  category    text not null,
  -- json, not jsonb: stored as written, so the text a hash covers is the text read back.
  data        json not null,
  -- Ends in prevHash and hash: the tamper-evident chain, computed in Node.
  metadata    json not null,
  -- The event's hash again, as a column: an append checks it continues from the stream's last hash
  -- without parsing JSON on the server.
  hash        text not null,
  recorded_at timestamptz not null default now(),
  constraint es_events_stream_version unique (stream_id, version),
  -- Makes an event id appear once per stream, and makes the idempotency check an index probe.
  constraint es_events_stream_event unique (stream_id, event_id)
);
create index es_events_category on es_events (category, position);

create table es_checkpoints (
  subscription_id text primary key,
  position        bigint not null,
  updated_at      timestamptz not null default now()
);

-- The highest position below which nothing is in flight. Reads the sequence before the markers:
-- a writer that marks after this read allocates above the value read.
create function es_safe_position() returns bigint language plpgsql volatile as $fn$
declare
  allocated bigint;
  oldest_marker bigint;
begin
  select case when s.is_called then s.last_value else 0 end into allocated from es_position_seq s;
  select min((l.classid::bigint << 32) | l.objid::bigint) into oldest_marker
  from pg_locks l
  where l.locktype = 'advisory' and l.objsubid = 1
    and l.database = (select d.oid from pg_database d where d.datname = current_database());
  return least(allocated, coalesce(oldest_marker - 1, allocated));
end
$fn$;
`,
  },
  {
    version: 2,
    name: 'the safe position without the lock table when nothing is missing',
    sql: `
-- The safe position, given one the caller knows to be safe (ADR 0081). When every position allocated since it is an
-- event already committed (a count over the primary key, taken after the sequence was read), nothing can be in flight
-- below the allocated one, and the lock table is not read; otherwise (a writer in flight, a rolled-back append's
-- positions, more than 1,000 to count) es_safe_position() decides, as before. So does a caller whose own transaction
-- has written (it would count its own uncommitted events) or reads one snapshot throughout (not read committed).
create function es_safe_position(known bigint) returns bigint language plpgsql volatile as $fn$
declare
  allocated bigint;
  committed bigint;
begin
  select case when s.is_called then s.last_value else 0 end into allocated from es_position_seq s;
  if allocated <= known then
    return allocated;
  end if;
  if allocated - known <= 1000 and pg_current_xact_id_if_assigned() is null
     and current_setting('transaction_isolation') = 'read committed' then
    -- A statement of its own: its snapshot is taken after the sequence was read, so a writer that allocated below
    -- "allocated" and committed is counted, and one still in flight (or rolled back) is not.
    select count(*) into committed from es_events where position > known and position <= allocated;
    if committed = allocated - known then
      return allocated;
    end if;
  end if;
  return es_safe_position();
end
$fn$;
`,
  },
];
