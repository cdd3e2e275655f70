import type { EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';
import { InvalidAppendError } from '../errors';
import { eventHash } from '../hash-chain';
import { validateExpected, validateNewEvents } from '../new-events';

/**
 * A row as the driver returns it in array mode (cheaper than an object per row), columns in the order
 * of EVENT_COLUMNS: position, stream id, version, event id, type, data, metadata, recorded at (ms).
 */
export type EventRow = [string, string, string, string, string, unknown, EventMetadata, number];

export const EVENT_COLUMNS = 'position, stream_id, version, event_id, type, data, metadata, extract(epoch from recorded_at)::float8 * 1000';

/** An event checked and serialised once, in Node, waiting for its place in the chain. */
export interface EncodedEvent {
  id: string;
  type: string;
  dataJson: string;
  metadataJson: string;
}

/**
 * Validates and serialises events in Node, so one bad append never fails the batch it would share.
 * JSON.stringify never emits a raw newline, which lets a batch travel as newline-separated text.
 */
export function encodeEvents(events: NewEvent[]): EncodedEvent[] {
  return validateNewEvents(events).map((e) => ({
    id: e.id,
    type: e.type,
    dataJson: storableJson(e.data, `event ${e.type}: data`),
    metadataJson: storableJson(e.metadata, `event ${e.type}: metadata`),
  }));
}

/** An escaped NUL or a lone surrogate (JSON.stringify escapes only those; well-formed pairs stay literal). */
const UNSTORABLE = /(^|[^\\])(\\\\)*\\u(0000|d[89a-f][0-9a-f]{2})/i;

/** JSON text PostgreSQL can store and return unchanged, or an InvalidAppendError saying why not. */
function storableJson(value: unknown, what: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) throw new InvalidAppendError(`${what} is not JSON`);
  // Both escapes begin `\u`, which most JSON text has none of: a plain search skips the pattern's scan.
  if (json.includes('\\u') && UNSTORABLE.test(json)) throw new InvalidAppendError(`${what} holds a NUL character or a lone surrogate`);
  return json;
}

/** Encodes an ExpectedVersion for the append: a version, or -1 any, -2 no_stream, -3 stream_exists. */
export function encodeExpected(expected: ExpectedVersion): number {
  const valid = validateExpected(expected);
  return valid === 'any' ? -1 : valid === 'no_stream' ? -2 : valid === 'stream_exists' ? -3 : valid;
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
