import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { TransactionalQuery } from '@vertrouwd/messaging';
import { caseKey, type Sealer } from '@vertrouwd/privacy';

/** The vault ref the service's own secrets are sealed under; never shredded. */
const SECRETS_KEY = caseKey('intake.service-secrets');

export interface IntakeSecrets {
  /** Secret of the keyed hashes of receipt codes and passphrases. */
  hashSecret: Buffer;
  /** Ed25519 key signing proofs of report. */
  proofKey: KeyObject;
  proofPublicKey: KeyObject;
}

/**
 * Loads the secrets, creating them on first start. They are stored sealed, so the service database alone
 * (a dump, a backup) neither recognises receipts nor forges proofs; every replica shares them, and the
 * first to insert wins.
 */
export async function loadIntakeSecrets(db: TransactionalQuery, sealer: Sealer): Promise<IntakeSecrets> {
  const hashSecret = Buffer.from(await secret(db, sealer, 'receipt-hash-secret', () => randomBytes(32).toString('base64')), 'base64');
  const pem = await secret(db, sealer, 'proof-signing-key', () =>
    generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
  const proofKey = createPrivateKey(pem);
  return { hashSecret, proofKey, proofPublicKey: createPublicKey(proofKey) };
}

async function secret(db: TransactionalQuery, sealer: Sealer, name: string, create: () => string): Promise<string> {
  const sealedValue = await sealer.seal(create(), SECRETS_KEY);
  await db.query('insert into intake_secrets (name, sealed_value) values ($1, $2) on conflict do nothing', [name, sealedValue]);
  const rows = (await db.query('select sealed_value from intake_secrets where name = $1', [name])) as { sealed_value: string }[];
  const opened = await sealer.unseal<string>(rows[0].sealed_value, { caseRef: SECRETS_KEY.caseRef });
  if (opened.status === 'foreign') throw new Error(`the intake secret ${name} is not sealed under the service-secrets key`);
  if (opened.status !== 'ok') throw new Error(`the intake secret ${name} was erased from the key vault`);
  return opened.value;
}
