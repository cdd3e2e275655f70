import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** What the reporter keeps: when the report arrived and which receipt, signed; no content at all. */
export interface ProofOfReport {
  /** SHA-256 (hex) of the canonical receipt code: the reporter can recompute it, nobody can invert it. */
  receiptHash: string;
  submittedAt: string;
  /** Ed25519 signature (base64url) over the canonical JSON of `receiptHash` and `submittedAt`. */
  signature: string;
  /** Which proof key signed it (rotation keeps old proofs verifiable). */
  keyId: string;
}

/** The public hash of a canonical receipt code (unkeyed on purpose: the reporter verifies it themselves). */
export function receiptDigest(canonicalReceipt: string): string {
  return createHash('sha256').update(canonicalReceipt).digest('hex');
}

/** Keys sorted, no whitespace: the bytes signed are the same whoever serialises them. */
function signedBytes(receiptHash: string, submittedAt: string): Buffer {
  return Buffer.from(JSON.stringify({ receiptHash, submittedAt }), 'utf8');
}

/** The id of a public key: the first 16 hex digits of the SHA-256 of its DER form. */
export function proofKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

/** The key id of each private key that signed, worked out once (deriving and exporting its public key per proof cost more than signing). */
const signingKeyIds = new WeakMap<KeyObject, string>();

function signingKeyId(privateKey: KeyObject): string {
  let keyId = signingKeyIds.get(privateKey);
  if (keyId === undefined) {
    keyId = proofKeyId(createPublicKey(privateKey));
    signingKeyIds.set(privateKey, keyId);
  }
  return keyId;
}

/** Signs a proof with the service's Ed25519 private key. */
export function signProof(privateKey: KeyObject, canonicalReceipt: string, submittedAt: Date): ProofOfReport {
  const receiptHash = receiptDigest(canonicalReceipt);
  const at = submittedAt.toISOString();
  const signature = sign(null, signedBytes(receiptHash, at), privateKey).toString('base64url');
  return { receiptHash, submittedAt: at, signature, keyId: signingKeyId(privateKey) };
}

/** True only for a proof signed by `publicKey` whose fields are exactly as signed. */
export function verifyProof(publicKey: KeyObject, proof: ProofOfReport): boolean {
  if (proof.keyId !== proofKeyId(publicKey)) return false;
  if (!/^[0-9a-f]{64}$/.test(proof.receiptHash) || !/^[A-Za-z0-9_-]{86}$/.test(proof.signature)) return false;
  return verify(null, signedBytes(proof.receiptHash, proof.submittedAt), publicKey, Buffer.from(proof.signature, 'base64url'));
}
