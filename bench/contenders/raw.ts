// Plain `pg` on the narrowest table that still gives a stream its order: the physical limit.
// Autocommit single statements; the unique (stream_id, version) constraint is the version check.
import { Pool } from 'pg';
import { firstVersion, type BenchEvent, type Contender, type Expected, type ReadPage } from './contender';

const SCHEMA = `
  create table events (
    global_position bigserial primary key,
    stream_id text not null,
    version bigint not null,
    event_id uuid not null,
    type text not null,
    data jsonb not null,
    metadata jsonb not null,
    recorded_at timestamptz not null default now(),
    unique (stream_id, version)
  )`;

const COLUMNS = 'global_position, stream_id, version, event_id, type, data, metadata, recorded_at';

const INSERT_ONE = {
  name: 'raw_insert_one',
  text: 'insert into events (stream_id, version, event_id, type, data, metadata) values ($1, $2, $3, $4, $5, $6)',
};
const INSERT_MANY = {
  name: 'raw_insert_many',
  text: `insert into events (stream_id, version, event_id, type, data, metadata)
         select $1, $2::bigint + e.n - 1, e.id, e.type, e.data, e.metadata
         from unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) with ordinality as e(id, type, data, metadata, n)`,
};
const READ_STREAM = {
  name: 'raw_read_stream',
  text: `select ${COLUMNS} from events where stream_id = $1 order by version`,
};
const READ_ALL = {
  name: 'raw_read_all',
  text: `select ${COLUMNS} from events where global_position > $1 order by global_position limit $2`,
};

export class RawContender implements Contender {
  readonly name = 'raw' as const;
  private pool!: Pool;

  async setup(url: string, poolSize: number): Promise<void> {
    this.pool = new Pool({ connectionString: url, max: poolSize });
    await this.pool.query(SCHEMA);
  }

  async appendOne(streamId: string, expected: Expected, event: BenchEvent): Promise<void> {
    const { id, type, data, metadata } = event;
    await this.pool.query({ ...INSERT_ONE, values: [streamId, firstVersion(expected), id, type, data, metadata] });
  }

  async appendMany(streamId: string, expected: Expected, events: BenchEvent[]): Promise<void> {
    const values = [
      streamId,
      firstVersion(expected),
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ];
    await this.pool.query({ ...INSERT_MANY, values });
  }

  async readStream(streamId: string): Promise<number> {
    const { rows } = await this.pool.query({ ...READ_STREAM, values: [streamId] });
    return rows.length;
  }

  async readAllPage(after: bigint, max: number): Promise<ReadPage> {
    const { rows } = await this.pool.query<{ global_position: string; stream_id: string }>({
      ...READ_ALL,
      values: [after.toString(), max],
    });
    const last = rows[rows.length - 1];
    return {
      count: rows.length,
      lastPosition: last ? BigInt(last.global_position) : after,
      streamIds: rows.map((row) => row.stream_id),
    };
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }
}
