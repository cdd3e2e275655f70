// A row's data sealed with AES-256-GCM, bound to the row (the additional data: its id's hash), so a sealed value
// moved to another row does not open. Shared by the session store and the one-time store.
import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';

/** iv (12 bytes) ‖ tag (16) ‖ ciphertext of the data's JSON. */
export function sealRow(key: KeyObject | Buffer, boundTo: Buffer, data: unknown): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(boundTo);
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The data, or undefined when the seal does not open (another key, a row tampered with or moved). */
export function openRow<T>(key: KeyObject | Buffer, boundTo: Buffer, sealed: Buffer): T | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(boundTo);
    decipher.setAuthTag(sealed.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')) as T;
  } catch {
    return undefined;
  }
}
