import { InvalidAppendError } from '../errors';
import type { EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';
import { chainHash, contentDigest } from '../hash-chain';
import { uuidv7 } from '../ids';

export interface EventRow {
  position: string;
  stream_id: string;
  version: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

/** An event checked and digested in Node, waiting for its place in the chain. */
export interface EncodedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  digest: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Encodes an ExpectedVersion for `es_append`: a version, or -1 any, -2 no_stream, -3 stream_exists. */
export function encodeExpected(expected: ExpectedVersion): number {
  if (expected === 'any') return -1;
  if (expected === 'no_stream') return -2;
  if (expected === 'stream_exists') return -3;
  if (Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidAppendError(`expected version must be a version >= 0, 'no_stream', 'stream_exists' or 'any'`);
}

/** Validates and digests events in Node, so one bad append never fails the batch it would share. */
export function encodeEvents(events: NewEvent[]): EncodedEvent[] {
  if (!Array.isArray(events)) throw new InvalidAppendError('events must be an array');
  const ids = new Set<string>();
  return events.map((event) => {
    if (typeof event?.type !== 'string' || event.type.length === 0) throw new InvalidAppendError('every event needs a type');
    if (event.data === undefined) throw new InvalidAppendError(`event ${event.type} has no data`);
    const id = (event.id ?? uuidv7()).toLowerCase();
    if (!UUID.test(id)) throw new InvalidAppendError(`event id ${id} is not a UUID`);
    if (ids.has(id)) throw new InvalidAppendError(`event id ${id} appears twice in one append`);
    ids.add(id);
    const metadata = event.metadata ?? {};
    return { id, type: event.type, data: event.data, metadata, digest: contentDigest({ id, type: event.type, data: event.data, metadata }) };
  });
}

/** Links the events onto `prevHash` and shapes them for `es_append`; returns them and the last hash. */
export function chainEvents(events: EncodedEvent[], prevHash: string): { rows: unknown[]; lastHash: string } {
  let prev = prevHash;
  const rows = events.map((event) => {
    const hash = chainHash(Buffer.from(prev, 'hex'), event.digest).toString('hex');
    const row = { id: event.id, t: event.type, d: event.data, m: { ...event.metadata, prevHash: prev, hash } };
    prev = hash;
    return row;
  });
  return { rows, lastHash: prev };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    version: Number(row.version),
    position: BigInt(row.position),
    recordedAt: row.recorded_at,
  };
}
