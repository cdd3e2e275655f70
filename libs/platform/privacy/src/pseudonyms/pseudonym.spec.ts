import { randomBytes } from 'node:crypto';
import { keyedPseudonym } from './pseudonym';

describe('keyedPseudonym', () => {
  const secret = randomBytes(32);

  it('is short and does not contain the actor id', () => {
    // The id's characters cannot occur in hex, so the check cannot pass or fail by chance.
    const pseudonym = keyedPseudonym(secret, 'advisor-quxz');
    expect(pseudonym).toMatch(/^actor-[0-9a-f]{12}$/);
    expect(pseudonym).not.toMatch(/advisor|quxz/);
  });

  it('is stable under one secret, and differs per actor and per secret', () => {
    expect(keyedPseudonym(secret, 'advisor-1')).toBe(keyedPseudonym(Buffer.from(secret), 'advisor-1'));
    expect(keyedPseudonym(secret, 'advisor-1')).not.toBe(keyedPseudonym(secret, 'advisor-2'));
    expect(keyedPseudonym(secret, 'advisor-1')).not.toBe(keyedPseudonym(randomBytes(32), 'advisor-1'));
  });

  it('takes a prefix naming the role', () => {
    expect(keyedPseudonym(secret, 'a', 'advisor')).toMatch(/^advisor-[0-9a-f]{12}$/);
    expect(() => keyedPseudonym(secret, 'a', 'Jan de Vries')).toThrow(TypeError);
  });
});
