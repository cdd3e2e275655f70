import type { AppendResult, RecordedEvent, StreamId } from '../event-store.port';
import { PartialIdempotentAppendError } from '../errors';

/**
 * The result of an earlier append of the same events when `stored` (the whole stream) already holds every
 * one of `ids`: its last version and position. Undefined when it holds none of them.
 *
 * KurrentDB dedupes re-sent event ids itself only against the same expected revision as the first time,
 * while this store always appends against the tail it has just read, so retries are answered here.
 */
export function alreadyAppended(streamId: StreamId, ids: string[], stored: RecordedEvent[]): AppendResult | undefined {
  const wanted = new Set(ids);
  const found = stored.filter((event) => wanted.has(event.id));
  if (found.length === 0) return undefined;
  if (found.length < wanted.size) throw new PartialIdempotentAppendError(streamId);
  const last = found.reduce((a, b) => (b.version > a.version ? b : a));
  return { nextExpectedVersion: last.version, position: last.position };
}
