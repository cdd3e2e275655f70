import { NO_STREAM, jsonEvent } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent, AppendStreamState, EventData, ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';
import { eventHash } from '../hash-chain';
import { validateExpected, validateNewEvents } from '../new-events';

/** The client reports "no position" as the unsigned 64-bit maximum on some servers. */
const NO_POSITION = (1n << 64n) - 1n;

/** An event ready to chain: validated, id lowercased (KurrentDB returns ids that way), content as it will read back. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** Checks an append the way every adapter does and fixes each event's content before it is hashed. */
export function prepareEvents(events: NewEvent[]): PreparedEvent[] {
  // Hashed as it will read back after the JSON round trip, so a Date or an undefined field cannot break the chain.
  return validateNewEvents(events).map(({ id, type, data, metadata }) => ({
    id,
    type,
    data: roundTrip(data) ?? null,
    metadata: (roundTrip(metadata) ?? {}) as Record<string, unknown>,
  }));
}

/** Checks an expected version: a version >= 0 or one of the three named states. */
export const checkExpected = validateExpected;

/** The server-side expectation that pins an append to the exact stream tail the store has read (-1: no stream). */
export function streamStateOf(lastVersion: number): AppendStreamState {
  return lastVersion < 0 ? NO_STREAM : BigInt(lastVersion);
}

/** Whether a stream whose last version is `lastVersion` (-1: no stream) meets the caller's expectation. */
export function meetsExpectation(expected: ExpectedVersion, lastVersion: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return lastVersion < 0;
    case 'stream_exists':
      return lastVersion >= 0;
    default:
      return expected === lastVersion;
  }
}

/** Links `events` onto the chain after `prevHash`, as KurrentDB JSON events carrying `prevHash` and `hash`. */
export function chainEvents(events: PreparedEvent[], prevHash: string): EventData[] {
  let prev = prevHash;
  return events.map(({ id, type, data, metadata }) => {
    const hash = eventHash(prev, id, type, JSON.stringify(data), JSON.stringify(metadata));
    const stored = jsonEvent({ id, type, data: data as never, metadata: { ...metadata, prevHash: prev, hash } });
    prev = hash;
    return stored;
  });
}

/** The port's view of a resolved KurrentDB event; `prefix` is the store's stream-name prefix, hidden from callers. */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent, prefix = ''): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('KurrentDB returned a link whose event no longer exists');
  const metadata = isObject(event.metadata) ? event.metadata : {};
  return {
    id: event.id,
    type: event.type,
    data: event.isJson ? event.data : Buffer.from(event.data),
    metadata: metadata as EventMetadata,
    streamId: event.streamId.slice(prefix.length),
    version: Number(event.revision),
    position: positionOf(resolved),
    recordedAt: event.created,
  };
}

/** The global position of an event: its commit position, which KurrentDB gives every event of an implicit commit. */
export function positionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): bigint {
  const position = resolved.event?.position?.commit ?? resolved.commitPosition;
  if (position === undefined || position === NO_POSITION) {
    throw new Error('KurrentDB returned an event without its position: the server must be KurrentDB or EventStoreDB 22.6+');
  }
  return position;
}

function roundTrip(value: unknown): unknown {
  const json = JSON.stringify(value);
  return json === undefined ? undefined : JSON.parse(json);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
