import { createHash } from 'node:crypto';
import { ValidationFailedException } from '../problem/problem.exception';

/** The request header (draft-ietf-httpapi-idempotency-key-header) and the header marking a replayed answer. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** 1–200 visible ASCII characters: room for a UUID or a client's own scheme, nothing that breaks a log line. */
const VALID_KEY = /^[\x21-\x7e]{1,200}$/;

/** The key of the request, `undefined` without the header; a 400 naming the header when it is malformed. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header === 'string' && VALID_KEY.test(header)) return header;
  const message = 'Idempotency-Key must be one value of 1 to 200 visible ASCII characters.';
  throw new ValidationFailedException([{ field: IDEMPOTENCY_KEY_HEADER, rule: 'idempotencyKeyFormat', message }]);
}

/**
 * SHA-256 of the request's body and query in canonical JSON (object keys sorted), so reformatting or reordering
 * a body does not count as "a different request", while any change of a value does.
 */
export function requestHash(body: unknown, query: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ body: body ?? null, query: query ?? {} }))
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
