import { createHash } from 'node:crypto';
import type { ChainVerification, EventMetadataInput, RecordedEvent } from './event-store.port';

/** The hash that precedes the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so a value hashes the same however it was stored (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (hasToJson(value)) return canonicalJson(value.toJSON());
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** SHA-256 over the event's identity and content (everything but the chain itself). */
export function contentDigest(event: { id: string; type: string; data: unknown; metadata?: EventMetadataInput }): Buffer {
  const { prevHash: _p, hash: _h, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson({ id: event.id, type: event.type, data: event.data, metadata })).digest();
}

/** One link: SHA-256(previous hash ‖ content digest), both as raw bytes. */
export function chainHash(prevHash: Buffer, digest: Buffer): Buffer {
  return createHash('sha256').update(prevHash).update(digest).digest();
}

/** Recomputes a whole stream's chain (events in version order, starting at version 0). */
export function verifyChain(events: RecordedEvent[]): ChainVerification {
  let prev: Buffer = Buffer.from(GENESIS_HASH, 'hex');
  for (const [index, event] of events.entries()) {
    if (event.version !== index) return broken(index, event.version, 'a version is missing from the stream');
    if (event.metadata.prevHash !== prev.toString('hex')) return broken(index, event.version, 'previous hash does not match');
    const expected = chainHash(prev, contentDigest(event));
    if (event.metadata.hash !== expected.toString('hex')) return broken(index, event.version, 'content does not match its hash');
    prev = expected;
  }
  return { valid: true, eventsChecked: events.length };
}

function broken(checked: number, version: number, reason: string): ChainVerification {
  return { valid: false, eventsChecked: checked, brokenAt: version, reason };
}
