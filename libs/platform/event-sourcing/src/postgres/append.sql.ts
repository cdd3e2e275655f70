/**
 * One statement, one round trip, for a whole batch of appends (group commit). Parameters, lists joined
 * by newlines (which JSON.stringify never emits) so nothing is escaped or parsed twice:
 *   $1 stream ids, $2 expected (bigint[]: a version >= 0, -1 any, -2 no_stream, -3 stream_exists),
 *   $3 the hash each append chains onto ('-': unknown), $4 event counts (int[]);
 *   per event: $5 append index (int[]), $6 id, $7 type, $8 data JSON, $9 metadata JSON (ending in the
 *   chain: prevHash, hash), $10 hash.
 * Each append is checked on its own. status: 0 appended; 1 wrong expected version; 2 already appended
 * (idempotent replay); 3 some ids appended, others not; 4 the chain's previous hash is not the
 * stream's last (returned: chain again and resend).
 *
 * Before taking positions the statement marks itself in flight (see schema.sql.ts). Positions follow
 * the events' order in the batch, so within a stream they rise with the version.
 */
export const APPEND_SQL = `
with input as (
  select a.i::int as i, a.s, a.e, a.p, a.n
  from unnest(string_to_array($1, E'\\n'), $2::bigint[], string_to_array($3, E'\\n'), $4::int[])
       with ordinality as a(s, e, p, n, i)
), events_in as (
  select ev.*
  from unnest($5::int[], string_to_array($6, E'\\n')::uuid[], string_to_array($7, E'\\n'),
              string_to_array($8, E'\\n')::json[], string_to_array($9, E'\\n')::json[],
              string_to_array($10, E'\\n'))
       with ordinality as ev(i, id, t, d, m, h, k)
), current as (
  select input.*, coalesce(last.version, -1) as cur_v, coalesce(last.hash, repeat('0', 64)) as cur_h,
         last.position as cur_p
  from input
  left join lateral (select l.version, l.hash, l.position from es_events l
                     where l.stream_id = input.s order by l.version desc limit 1) last on true
), checked as (
  select c.*, case
    when c.e = -1 then true
    when c.e = -2 then c.cur_v = -1
    when c.e = -3 then c.cur_v >= 0
    else c.e = c.cur_v end as version_ok
  from current c
), replay as (
  -- Ids already in the stream: all of them is a replay of an earlier append, some of them an error.
  -- A lateral index probe per append on (stream_id, event_id): never a scan of the whole table.
  select c.i, r.seen, r.v, r.pos
  from checked c
  cross join lateral (
    select count(*) as seen, max(x.version) as v, max(x.position) as pos
    from es_events x
    where x.stream_id = c.s and x.event_id = any(array(select ev.id from events_in ev where ev.i = c.i))
  ) r
  where r.seen > 0
), decided as (
  select c.*, r.v as replay_v, r.pos as replay_p, case
    when c.n > 0 and r.seen = c.n then 2
    when r.seen > 0 then 3
    when not c.version_ok then 1
    when c.n > 0 and c.p is distinct from c.cur_h then 4
    else 0 end as st
  from checked c left join replay r on r.i = c.i
), marker as (
  select pg_advisory_xact_lock_shared(case when q.is_called then q.last_value + 1 else 1 end) as marked
  from es_position_seq q
  where exists (select 1 from decided d where d.st = 0 and d.n > 0)
), numbered as (
  select nextval('es_position_seq') as pos, o.*
  from (select ev.*, d.s, d.cur_v + row_number() over (partition by ev.i order by ev.k) as v,
               split_part(d.s, '-', 1) as cat
        from marker, decided d join events_in ev on ev.i = d.i
        where d.st = 0
        order by ev.k) o
), inserted as (
  insert into es_events (position, stream_id, version, event_id, type, category, data, metadata, hash)
  select n.pos, n.s, n.v, n.id, n.t, n.cat, n.d, n.m, n.h from numbered n
  returning 1
), last_positions as (
  select n.i, max(n.pos) as pos from numbered n group by n.i
)
select d.i as idx, d.st as status,
       case d.st when 0 then d.cur_v + d.n when 2 then d.replay_v else d.cur_v end as version,
       case d.st when 0 then coalesce(lp.pos, d.cur_p) when 2 then d.replay_p else d.cur_p end as last_position,
       d.cur_h as last_hash,
       (select count(*) from inserted) as inserted
from decided d left join last_positions lp on lp.i = d.i
order by d.i`;

/**
 * The fast path for a batch of one append whose expectation is a version or no_stream and whose
 * previous hash is known: half the work of APPEND_SQL. It appends only if every check passes; when it
 * appends nothing, the caller asks APPEND_SQL why (conflict, replay, stale hash).
 *   $1 stream id, $2 expected (>= 0, or -2 no_stream), $3 the hash it chains onto,
 *   $4 ids, $5 types, $6 data JSON, $7 metadata JSON, $8 hashes (newline-joined, as in APPEND_SQL).
 */
export const APPEND_ONE_SQL = `
with last as (
  select l.version, l.hash, l.position from es_events l
  where l.stream_id = $1 order by l.version desc limit 1
), ok as (
  select coalesce((select version from last), -1) as cur_v
  where coalesce((select version from last), -1) = (case when $2::bigint = -2 then -1 else $2::bigint end)
    and $3::text = coalesce((select hash from last), repeat('0', 64))
    and not exists (select 1 from es_events x
                    where x.stream_id = $1 and x.event_id = any(string_to_array($4, E'\\n')::uuid[]))
), marker as (
  select pg_advisory_xact_lock_shared(case when q.is_called then q.last_value + 1 else 1 end) as marked
  from es_position_seq q, ok
), inserted as (
  insert into es_events (position, stream_id, version, event_id, type, category, data, metadata, hash)
  select nextval('es_position_seq'), $1, o.v, o.id, o.t, split_part($1, '-', 1), o.d, o.m, o.h
  from (select ok.cur_v + ev.k as v, ev.*
        from marker, ok,
             unnest(string_to_array($4, E'\\n')::uuid[], string_to_array($5, E'\\n'),
                    string_to_array($6, E'\\n')::json[], string_to_array($7, E'\\n')::json[],
                    string_to_array($8, E'\\n'))
             with ordinality as ev(id, t, d, m, h, k)
        order by ev.k) o
  returning position, version
)
select count(*) as inserted, max(i.version) as version, max(i.position) as last_position,
       (select hash from last) as last_hash
from inserted i`;
