import { randomBytes } from 'node:crypto';
import { CROCKFORD_ALPHABET, grouped } from './crockford';
import { KeyedHash } from './keyed-hash';
import { newPassphrase, newReceiptCode, parsePassphrase, parseReceiptCode } from './receipt-code';

describe('receipt codes and passphrases', () => {
  it('makes receipt codes of 100 bits in five groups of four, without ambiguous letters', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(CROCKFORD_ALPHABET.length ** 20).toBeGreaterThanOrEqual(2 ** 100);
    expect(code).not.toMatch(/[ILOU]/);
  });

  it('makes passphrases of 150 bits in six groups of five', () => {
    expect(newPassphrase()).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
    expect(CROCKFORD_ALPHABET.length ** 30).toBeGreaterThanOrEqual(2 ** 128);
  });

  it('groups for display, the last group shorter when the length is not a multiple', () => {
    expect(grouped('ABCDEFGHIJ', 4)).toBe('ABCD-EFGH-IJ');
    expect(grouped('ABCDEFGH', 4)).toBe('ABCD-EFGH');
    expect(grouped('', 4)).toBe('');
    expect(() => grouped('ABCD', 0)).toThrow(RangeError);
  });

  it('never repeats itself in practice', () => {
    const codes = new Set(Array.from({ length: 1000 }, newReceiptCode));
    expect(codes.size).toBe(1000);
  });

  it('reads what a person typed, whatever the case, spaces, dashes and look-alike letters', () => {
    const code = newReceiptCode();
    const canonical = code.replace(/-/g, '');
    expect(parseReceiptCode(code)).toBe(canonical);
    expect(parseReceiptCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(canonical);
    expect(parseReceiptCode('0000-1111-0000-1111-0000')).toBe(parseReceiptCode('oooo-iiii-OOOO-llll-0000'));
    expect(parsePassphrase(newPassphrase().toLowerCase())).toHaveLength(30);
  });

  it('refuses anything that cannot be a code', () => {
    expect(parseReceiptCode('ABCD')).toBeUndefined();
    expect(parseReceiptCode('ABCD-EFGH-JKMN-PQRS-TVWU')).toBeUndefined();
    expect(parseReceiptCode('ABCD-EFGH-JKMN-PQRS-TVW!')).toBeUndefined();
  });
});

describe('KeyedHash', () => {
  const hasher = new KeyedHash(randomBytes(32));

  it('verifies the value it hashed, and nothing else', () => {
    const hash = hasher.hash('passphrase', 'ABC');
    expect(hasher.verify('passphrase', 'ABC', hash)).toBe(true);
    expect(hasher.verify('passphrase', 'ABD', hash)).toBe(false);
    expect(hasher.verify('receipt', 'ABC', hash)).toBe(false);
    expect(hasher.verify('passphrase', 'ABC', undefined)).toBe(false);
    expect(hasher.verify('passphrase', 'ABC', 'not-hex')).toBe(false);
  });

  it('depends on the secret', () => {
    expect(new KeyedHash(randomBytes(32)).hash('receipt', 'X')).not.toBe(hasher.hash('receipt', 'X'));
    expect(() => new KeyedHash(randomBytes(16))).toThrow(/32 bytes/);
  });
});
