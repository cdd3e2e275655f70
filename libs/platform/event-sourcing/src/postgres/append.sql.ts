/**
 * One statement, one round trip, for a whole batch of appends (group commit):
 * $1 = [{ s: stream, e: expected, p: prev hash | null, ev: [{ id, t, d, m }] }], with e a version >= 0,
 * -1 any, -2 no_stream, -3 stream_exists. Each append is checked on its own. status: 0 appended;
 * 1 wrong expected version; 2 already appended (idempotent replay); 3 some ids appended, others not;
 * 4 the chain's previous hash is not the stream's last (its hash is returned: chain again, resend).
 *
 * Before taking positions the statement marks itself in flight (see schema.sql.ts); positions follow
 * (append, event) order, so within a stream they rise with the version.
 */
export const APPEND_SQL = `
with input as (
  select a.ord::int as i, a.v->>'s' as s, (a.v->>'e')::bigint as e, a.v->>'p' as p, a.v->'ev' as ev,
         jsonb_array_length(a.v->'ev') as n
  from jsonb_array_elements($1::jsonb) with ordinality as a(v, ord)
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
), marker as (
  select pg_advisory_xact_lock_shared(case when q.is_called then q.last_value + 1 else 1 end) as marked
  from es_position_seq q
  where exists (select 1 from decided d where d.st = 0 and d.n > 0)
), numbered as (
  select nextval('es_position_seq') as pos, o.*
  from (select d.i, d.s, d.cur_v + k.ord as v, (k.j->>'id')::uuid as id, k.j->>'t' as t,
               split_part(d.s, '-', 1) as cat, k.j->'d' as data, k.j->'m' as meta
        from marker, decided d, jsonb_array_elements(d.ev) with ordinality as k(j, ord)
        where d.st = 0
        order by d.i, k.ord) o
), inserted as (
  insert into es_events (position, stream_id, version, event_id, type, category, data, metadata)
  select n.pos, n.s, n.v, n.id, n.t, n.cat, n.data, n.meta from numbered n
  returning 1
)
select d.i as idx, d.st as status,
       case d.st when 0 then d.cur_v + d.n when 2 then d.replay_v else d.cur_v end as version,
       case d.st when 0 then coalesce((select max(n.pos) from numbered n where n.i = d.i), d.cur_p)
                 when 2 then d.replay_p else d.cur_p end as last_position,
       d.cur_h as last_hash,
       (select count(*) from inserted) as inserted
from decided d
order by d.i`;
