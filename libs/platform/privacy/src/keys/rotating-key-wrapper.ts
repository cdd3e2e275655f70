import { inspect } from 'node:util';
import { MasterKeyMismatchError } from '../errors';
import type { KeyWrapper } from './key-wrapper.port';

/**
 * A master key and the earlier ones it replaces (ADR 0077): wraps with the current key, and lets the vault unwrap a key
 * still wrapped by an earlier one while the rotation runs. Once every key is wrapped again, the earlier keys are
 * forgotten, and with them whatever a backup of the vault still held under them.
 */
export class RotatingKeyWrapper implements KeyWrapper {
  constructor(
    readonly current: KeyWrapper,
    readonly previous: readonly KeyWrapper[],
  ) {
    const ids = [current, ...previous].map((w) => w.keyId);
    if (new Set(ids).size !== ids.length) throw new Error('A master key is named twice among the current and previous ones');
  }

  get keyId(): string {
    return this.current.keyId;
  }

  wrap(plainKey: Buffer, context: string): Promise<Buffer> {
    return this.current.wrap(plainKey, context);
  }

  unwrap(wrapped: Buffer, context: string): Promise<Buffer> {
    return this.current.unwrap(wrapped, context);
  }

  toJSON(): { keyId: string; previous: string[] } {
    return { keyId: this.keyId, previous: this.previous.map((w) => w.keyId) };
  }

  [inspect.custom](): string {
    return `RotatingKeyWrapper { keyId: '${this.keyId}', previous: [${this.previous.map((w) => `'${w.keyId}'`).join(', ')}] }`;
  }
}

/** The wrapper that wrapped a stored key (`wrapped_by`): this one, or an earlier one it still holds; else a mismatch. */
export function wrapperOf(wrapper: KeyWrapper, wrappedBy: string | null): KeyWrapper {
  if (wrappedBy === wrapper.keyId) return wrapper;
  const earlier = wrapper.previous?.find((w) => w.keyId === wrappedBy);
  if (earlier) return earlier;
  throw new MasterKeyMismatchError(wrappedBy ?? 'none', wrapper.keyId);
}

/** Every master key id a wrapper can unwrap for: its own first, then the earlier ones. */
export function masterKeyIds(wrapper: KeyWrapper): string[] {
  return [wrapper.keyId, ...(wrapper.previous ?? []).map((w) => w.keyId)];
}
