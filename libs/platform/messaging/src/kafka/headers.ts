/**
 * Kafka carries keys, values and header values as bytes; the port speaks strings (UTF-8). The client is
 * used without serialisers, so these conversions are the only place where bytes become text and back.
 */

/** A header as the client delivers it: raw bytes, where a null key or value arrives as undefined or null. */
export type RawHeader = readonly [Buffer | null | undefined, Buffer | null | undefined];

/** Text of a key, value or header value; a null (a tombstone, a keyless record) reads as the empty string. */
export function decodeText(bytes: Buffer | null | undefined): string {
  return bytes ? bytes.toString('utf8') : '';
}

/** The bytes of a key, value or header value. */
export function encodeText(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/**
 * Headers to send, in insertion order. Every value must be a string: the port promises strings on delivery,
 * so anything else is refused here rather than arriving as `[object Object]` at a consumer.
 */
export function encodeHeaders(headers: Readonly<Record<string, string>> | undefined): Map<Buffer, Buffer> {
  const encoded = new Map<Buffer, Buffer>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value !== 'string') throw new TypeError(`header ${name}: a string`);
    encoded.set(encodeText(name), encodeText(value));
  }
  return encoded;
}

/**
 * Headers as delivered to a handler. Kafka allows a name to repeat (another producer may do so); the port
 * has one value per name, so the last one wins, as it would for a producer that set the name twice.
 */
export function decodeHeaders(entries: Iterable<RawHeader>): Record<string, string> {
  const decoded = new Map<string, string>();
  for (const [name, value] of entries) {
    decoded.set(decodeText(name), decodeText(value));
  }
  // fromEntries defines own properties, so a header named `__proto__` stays a plain header.
  return Object.fromEntries(decoded);
}
