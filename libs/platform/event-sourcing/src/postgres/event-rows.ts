import { InvalidAppendError } from '../errors';
import type { EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';
import { eventHash, hashedMetadata } from '../hash-chain';
import { uuidv7 } from '../ids';

/**
 * A row as the driver returns it in array mode (cheaper than an object per row), columns in the order
 * of EVENT_COLUMNS: position, stream id, version, event id, type, data, metadata, recorded at (ms).
 */
export type EventRow = [string, string, string, string, string, unknown, EventMetadata, number];

export const EVENT_COLUMNS =
  'position, stream_id, version, event_id, type, data, metadata, extract(epoch from recorded_at)::float8 * 1000';

/** An event checked and serialised once, in Node, waiting for its place in the chain. */
export interface EncodedEvent {
  id: string;
  type: string;
  dataJson: string;
  metadataJson: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Encodes an ExpectedVersion for the append: a version, or -1 any, -2 no_stream, -3 stream_exists. */
export function encodeExpected(expected: ExpectedVersion): number {
  if (expected === 'any') return -1;
  if (expected === 'no_stream') return -2;
  if (expected === 'stream_exists') return -3;
  if (Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidAppendError(`expected version must be a version >= 0, 'no_stream', 'stream_exists' or 'any'`);
}

/**
 * Validates and serialises events in Node, so one bad append never fails the batch it would share.
 * JSON.stringify never emits a raw newline, which lets a batch travel as newline-separated text.
 */
export function encodeEvents(events: NewEvent[]): EncodedEvent[] {
  if (!Array.isArray(events)) throw new InvalidAppendError('events must be an array');
  const ids = new Set<string>();
  return events.map((event) => {
    if (typeof event?.type !== 'string' || !/^[^\n]{1,200}$/.test(event.type)) {
      throw new InvalidAppendError('every event needs a type: 1 to 200 characters, no line breaks');
    }
    const dataJson = JSON.stringify(event.data);
    if (dataJson === undefined) throw new InvalidAppendError(`event ${event.type} has no data`);
    const id = (event.id ?? uuidv7()).toLowerCase();
    if (!UUID.test(id)) throw new InvalidAppendError(`event id ${id} is not a UUID`);
    if (ids.has(id)) throw new InvalidAppendError(`event id ${id} appears twice in one append`);
    ids.add(id);
    return { id, type: event.type, dataJson, metadataJson: JSON.stringify(hashedMetadata(event.metadata ?? {})) };
  });
}

/** The metadata as stored: the caller's, then `prevHash` and `hash`, spliced into its JSON text. */
export function storedMetadataJson(metadataJson: string, prevHash: string, hash: string): string {
  const chain = `"prevHash":"${prevHash}","hash":"${hash}"}`;
  return metadataJson === '{}' ? `{${chain}` : `${metadataJson.slice(0, -1)},${chain}`;
}

/** The hashes of the events when chained onto `prevHash`, in order. */
export function chainHashes(events: EncodedEvent[], prevHash: string): string[] {
  let prev = prevHash;
  return events.map((e) => (prev = eventHash(prev, e.id, e.type, e.dataJson, e.metadataJson)));
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row[3],
    type: row[4],
    data: row[5],
    metadata: row[6],
    streamId: row[1],
    version: Number(row[2]),
    position: BigInt(row[0]),
    recordedAt: new Date(row[7]),
  };
}
