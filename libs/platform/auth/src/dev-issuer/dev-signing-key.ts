import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';

/** The dev issuer's RSA signing key and the public JWK it publishes. */
export interface DevSigningKey {
  kid: string;
  privateKey: KeyObject;
  /** `kty`, `n`, `e`, `kid`, `alg: RS256`, `use: sig`: one entry of the JWKS. */
  publicJwk: JWK;
}

/**
 * Loads the key pair from `keyFile`, or generates one (and writes it there, owner-readable only) so tokens minted
 * before a restart still verify after it. Without a file the key lives as long as the process.
 */
export async function loadOrCreateSigningKey(keyFile?: string): Promise<DevSigningKey> {
  const stored = keyFile ? await readKeyFile(keyFile) : undefined;
  const privateKey = stored
    ? createPrivateKey({ key: stored, format: 'jwk' })
    : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  if (keyFile && !stored) await writeKeyFile(keyFile, privateKey.export({ format: 'jwk' }));
  const { kty, n, e } = createPublicKey(privateKey).export({ format: 'jwk' }) as { kty: string; n: string; e: string };
  // The RFC 7638 thumbprint names the key by its content: the same file always yields the same kid.
  const kid = await calculateJwkThumbprint({ kty, n, e });
  return { kid, privateKey, publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' } };
}

async function readKeyFile(path: string): Promise<JsonWebKey | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as JsonWebKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeKeyFile(path: string, jwk: JsonWebKey): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Write then rename, so a crash never leaves half a key that would fail every later start.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(jwk), { mode: 0o600 });
  await rename(temporary, path);
}
