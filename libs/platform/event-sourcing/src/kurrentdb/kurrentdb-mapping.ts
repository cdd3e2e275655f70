import { createHash } from 'node:crypto';
import { NO_STREAM, jsonEvent } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent, AppendStreamState, EventData, ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';
import { chainHash, contentDigest } from '../hash-chain';
import { uuidv7 } from '../ids';

/** Metadata key that keeps a caller's event id when KurrentDB cannot take it as its own (not a lowercase UUID). */
export const PORT_ID_KEY = 'vertrouwd.eventId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The client reports "no position" as the unsigned 64-bit maximum on some servers. */
const NO_POSITION = (1n << 64n) - 1n;

/** The server-side expectation that pins an append to the exact stream tail the store has read (-1: no stream). */
export function streamStateOf(lastVersion: number): AppendStreamState {
  return lastVersion < 0 ? NO_STREAM : BigInt(lastVersion);
}

/** Whether a stream whose last version is `lastVersion` (-1: no stream) meets the caller's expectation. */
export function satisfies(expected: ExpectedVersion, lastVersion: number): boolean {
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

/** KurrentDB's version of the client's `actualState` (a revision or `no_stream`). */
export function versionOf(state: bigint | string): number {
  return typeof state === 'bigint' ? Number(state) : -1;
}

/**
 * KurrentDB event ids are UUIDs and come back lowercased; any other id is mapped to a stable UUID (so the
 * server's own dedupe still works) and the caller's id travels in the metadata.
 */
export function storedIdOf(id: string): string {
  if (UUID.test(id)) return id;
  const bytes = createHash('sha256').update(`vertrouwd-event-id:${id}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Links `events` onto the chain after `prevHash`. Data and metadata are hashed as they will read back
 * (after a JSON round trip), so a Date or an undefined field cannot break verification later.
 */
export function chainEvents(events: NewEvent[], prevHash: string): EventData[] {
  let prev = prevHash;
  return events.map((event) => {
    const id = event.id ?? uuidv7();
    const data = roundTrip(event.data) ?? null;
    const metadata = (roundTrip(event.metadata) ?? {}) as Record<string, unknown>;
    const hash = chainHash(Buffer.from(prev, 'hex'), contentDigest({ id, type: event.type, data, metadata })).toString('hex');
    const storedId = storedIdOf(id);
    const extra = storedId === id ? {} : { [PORT_ID_KEY]: id };
    const stored = jsonEvent({ id: storedId, type: event.type, data: data as never, metadata: { ...metadata, ...extra, prevHash: prev, hash } });
    prev = hash;
    return stored;
  });
}

/** The port's view of a resolved KurrentDB event; `prefix` is the store's stream-name prefix, hidden from callers. */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent, prefix = ''): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('KurrentDB returned a link whose event no longer exists');
  const { [PORT_ID_KEY]: portId, ...metadata } = isObject(event.metadata) ? event.metadata : {};
  return {
    id: typeof portId === 'string' ? portId : event.id,
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
