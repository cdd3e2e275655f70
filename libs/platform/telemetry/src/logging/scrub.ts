import { errorType } from '../tracing/in-span';
import { SEALED_PREFIX, isPersonalField, scrubText } from '../privacy/personal-data';

/** What a personal field's value becomes in a log line. */
export const REDACTED = '[redacted]';
/** What a sealed value (ciphertext) becomes in a log line. */
export const SEALED = '[sealed]';

const MAX_DEPTH = 8;
// Error properties that help operations and carry no input: codes and the names of database objects.
const ERROR_FIELDS = ['code', 'errno', 'syscall', 'status', 'statusCode', 'constraint', 'table', 'column', 'routine'];

/**
 * An error as a log may show it: its class, operational codes and its stack frames, never its message (which
 * can quote input, e.g. a database error's `detail`) nor the first line of its stack, which repeats the message.
 */
export function serializeError(error: Error, seen = new WeakSet<object>()): Record<string, unknown> {
  const out: Record<string, unknown> = { type: errorType(error) };
  const fields = error as unknown as Record<string, unknown>;
  for (const key of ERROR_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = typeof value === 'string' ? scrubText(value) : value;
  }
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  if (frames?.length) out.stack = frames.map((line) => scrubText(line.trim())).join('\n');
  if (error.cause !== undefined) out.cause = scrubValue(error.cause, 1, seen);
  return out;
}

/**
 * A copy of a value fit for a log line, at any depth and inside arrays: fields named in `PERSONAL_FIELD_NAMES`
 * become `[redacted]`, strings starting with `sealed:` become `[sealed]`, other strings pass through
 * `scrubText`, errors through {@link serializeError}. Cycles and excessive depth are cut off.
 */
export function scrubValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return value.startsWith(SEALED_PREFIX) ? SEALED : scrubText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) return serializeError(value, seen);
  if (value instanceof Date) return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return '[binary]';
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen));
  const source: unknown = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (source !== value) return scrubValue(source, depth, seen);
  if (value instanceof Map) return scrubObject(Object.fromEntries(value as Map<string, unknown>), depth, seen);
  if (value instanceof Set) return scrubValue([...value], depth, seen);
  return scrubObject(value as Record<string, unknown>, depth, seen);
}

function scrubObject(value: Record<string, unknown>, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isPersonalField(key) ? REDACTED : scrubValue(item, depth + 1, seen);
  }
  return out;
}

/** {@link scrubValue} for the top level of a log line or a child logger's bindings. */
export function scrubFields(fields: Record<string, unknown>): Record<string, unknown> {
  return scrubObject(fields, 0, new WeakSet());
}
