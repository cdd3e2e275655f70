import { isSealed } from './sealed-format';

/** What `redactSealed` puts in place of a sealed value. */
export const REDACTED_SEALED = '[sealed]';

/**
 * A copy of `value` with every sealed string, at any depth, replaced by `[sealed]`: for loggers and
 * error reporters, which have no business carrying ciphertext and the key ids that link it to a person.
 */
export function redactSealed<T>(value: T): T {
  return redact(value, new WeakSet()) as T;
}

function redact(value: unknown, seen: WeakSet<object>): unknown {
  if (isSealed(value)) return REDACTED_SEALED;
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, seen)]));
}
