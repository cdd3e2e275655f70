import { InvalidAppendError } from './errors';
import type { ExpectedVersion, NewEvent, StreamId } from './event-store.port';
import { hashedMetadata } from './hash-chain';
import { uuidv7 } from './ids';

/** An event that passed the checks every adapter makes, with its id settled. */
export interface ValidEvent {
  id: string;
  type: string;
  data: unknown;
  /** The caller's metadata without `prevHash` and `hash`, which belong to the store. */
  metadata: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NAME = /^[^\n]{1,200}$/;

/** Checks a stream id: 1 to 200 characters, no line breaks. */
export function validateStreamId(streamId: StreamId): StreamId {
  if (typeof streamId !== 'string' || !NAME.test(streamId)) {
    throw new InvalidAppendError('streamId must be 1 to 200 characters, no line breaks');
  }
  return streamId;
}

/** Checks an expected version: a version >= 0 or one of the three named states. */
export function validateExpected(expected: ExpectedVersion): ExpectedVersion {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidAppendError(`expected version must be a version >= 0, 'no_stream', 'stream_exists' or 'any'`);
}

/**
 * Checks the events of one append before anything is written: a type (1 to 200 characters, no line
 * breaks), data, a UUID id (generated as UUIDv7 when missing, lowercased), no id twice.
 */
export function validateNewEvents(events: NewEvent[]): ValidEvent[] {
  if (!Array.isArray(events)) throw new InvalidAppendError('events must be an array');
  const ids = new Set<string>();
  return events.map((event) => {
    if (typeof event?.type !== 'string' || !NAME.test(event.type)) {
      throw new InvalidAppendError('every event needs a type: 1 to 200 characters, no line breaks');
    }
    if (event.data === undefined) throw new InvalidAppendError(`event ${event.type} has no data`);
    const id = (event.id ?? uuidv7()).toLowerCase();
    if (!UUID.test(id)) throw new InvalidAppendError(`event id ${id} is not a UUID`);
    if (ids.has(id)) throw new InvalidAppendError(`event id ${id} appears twice in one append`);
    ids.add(id);
    return { id, type: event.type, data: event.data, metadata: hashedMetadata(event.metadata ?? {}) };
  });
}
