import { InMemoryKeyVault } from '../vault/in-memory-key-vault';
import { caseKey } from '../vault/key-ref';
import { redactSealed, REDACTED_SEALED } from './redact-sealed';
import { Sealer } from './sealer';

describe('redactSealed', () => {
  it('replaces sealed values at any depth and leaves the rest', async () => {
    const sealed = await new Sealer(new InMemoryKeyVault()).seal('Jan', caseKey('c-1'));
    const at = new Date(0);
    const input = { caseId: 'c-1', reporter: { name: sealed }, notes: [sealed, 'plain'], at, count: 3 };
    expect(redactSealed(input)).toEqual({
      caseId: 'c-1',
      reporter: { name: REDACTED_SEALED },
      notes: [REDACTED_SEALED, 'plain'],
      at,
      count: 3,
    });
    expect(input.reporter.name).toBe(sealed);
    expect(redactSealed(sealed)).toBe(REDACTED_SEALED);
  });

  it('copes with cycles', () => {
    const cyclic: Record<string, unknown> = { a: 'sealed:v1:x' };
    cyclic.self = cyclic;
    expect(redactSealed(cyclic)).toMatchObject({ a: REDACTED_SEALED });
  });
});
