import { InvalidAppendError } from '../errors';
import type { EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';
import { contentDigest } from '../hash-chain';
import { uuidv7 } from '../ids';

export interface EventRow {
  position: string;
  stream_id: string;
  version: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  prev_hash: Buffer;
  hash: Buffer;
  recorded_at: Date;
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

/** Validates and encodes events in Node, so one bad append never fails the batch it would share. */
export function encodeEvents(events: NewEvent[]): unknown[] {
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
    const digest = contentDigest({ id, type: event.type, data: event.data, metadata });
    return { id, t: event.type, d: event.data, m: metadata, h: digest.toString('hex') };
  });
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const metadata: EventMetadata = { ...row.metadata, prevHash: row.prev_hash.toString('hex'), hash: row.hash.toString('hex') };
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata,
    streamId: row.stream_id,
    version: Number(row.version),
    position: BigInt(row.position),
    recordedAt: row.recorded_at,
  };
}
