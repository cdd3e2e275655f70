import type { Migration } from '@vertrouwd/event-sourcing';

/**
 * The Postgres bus. Offsets are allocated per partition under the partition row's lock, held until
 * commit: within a partition offsets become visible in order, so a consumer reading `offset > committed`
 * never skips one. Partitions of a topic are independent, so publishers of different keys run in parallel.
 */
export const busMigrations: Migration[] = [
  {
    version: 1,
    name: 'topics, messages, group offsets',
    sql: `
create table bus_partitions (
  topic       text not null,
  partition   int not null,
  next_offset bigint not null default 0,
  primary key (topic, partition)
);
create table bus_messages (
  topic        text not null,
  partition    int not null,
  "offset"     bigint not null,
  key          text not null,
  value        text not null,
  headers      jsonb not null,
  published_at timestamptz not null default now(),
  primary key (topic, partition, "offset")
);
create table bus_group_offsets (
  group_id   text not null,
  topic      text not null,
  partition  int not null,
  committed  bigint not null,
  updated_at timestamptz not null default now(),
  primary key (group_id, topic, partition)
);
`,
  },
];

/** Appends a batch: $1 topics, $2 partitions, $3 keys, $4 values, $5 headers (jsonb[]), in publish order. */
export const PUBLISH_SQL = `
with input as (
  select m.* from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::jsonb[]) with ordinality
    as m(topic, partition, key, value, headers, ord)
), counts as (
  select topic, partition, count(*)::bigint as n from input group by topic, partition
), locked as (
  -- Locked in one order by every publisher, so two batches never deadlock.
  select p.topic, p.partition, p.next_offset, c.n from bus_partitions p
  join counts c on c.topic = p.topic and c.partition = p.partition
  order by p.topic, p.partition
  for update of p
), advanced as (
  update bus_partitions p set next_offset = p.next_offset + l.n
  from locked l where p.topic = l.topic and p.partition = l.partition
  returning p.topic, p.partition, l.next_offset as base
), inserted as (
  insert into bus_messages (topic, partition, "offset", key, value, headers)
  select i.topic, i.partition, a.base + row_number() over (partition by i.topic, i.partition order by i.ord) - 1,
         i.key, i.value, i.headers
  from input i join advanced a on a.topic = i.topic and a.partition = i.partition
  returning 1
)
select count(*) as published from inserted`;
