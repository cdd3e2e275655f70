import { generateKeyPairSync } from 'node:crypto';
import { parseReceiptCode } from '../receipt/receipt-code';
import { receiptDigest, signProof, verifyProof } from './proof-of-report';

describe('proof of report', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const receipt = parseReceiptCode('ABCD-EFGH-JKMN-PQRS-TVWX')!;
  const at = new Date('2026-03-02T09:00:00Z');

  it('signs the time and the receipt hash, and verifies', () => {
    const proof = signProof(privateKey, receipt, at);
    expect(proof).toEqual({
      receiptHash: receiptDigest(receipt),
      submittedAt: at.toISOString(),
      signature: expect.any(String),
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(verifyProof(publicKey, proof)).toBe(true);
  });

  it('fails when any field was changed', () => {
    const proof = signProof(privateKey, receipt, at);
    expect(verifyProof(publicKey, { ...proof, submittedAt: '2026-03-01T09:00:00.000Z' })).toBe(false);
    expect(verifyProof(publicKey, { ...proof, receiptHash: receiptDigest('X') })).toBe(false);
    const flipped = proof.signature[0] === 'A' ? 'B' : 'A';
    expect(verifyProof(publicKey, { ...proof, signature: flipped + proof.signature.slice(1) })).toBe(false);
    expect(verifyProof(publicKey, { ...proof, signature: 'short' })).toBe(false);
  });

  it('fails under another key', () => {
    const other = generateKeyPairSync('ed25519');
    expect(verifyProof(other.publicKey, signProof(privateKey, receipt, at))).toBe(false);
  });
});
