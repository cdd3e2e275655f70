import { canonicalJson, idempotencyKeyOf, requestHash } from './idempotency-key';

describe('idempotency keys', () => {
  it('accept 1 to 200 visible ASCII characters', () => {
    expect(idempotencyKeyOf('0192f1c2-7d1e-7c3a-9b1f-5e6d7c8b9a01')).toBe('0192f1c2-7d1e-7c3a-9b1f-5e6d7c8b9a01');
    expect(idempotencyKeyOf('k'.repeat(200))).toHaveLength(200);
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
  });

  it.each([[''], ['k'.repeat(201)], ['a b'], ['sleutel-é'], [['a', 'b']]])('reject %p', (key) => {
    expect(() => idempotencyKeyOf(key)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 400 }) }));
  });

  it('hash bodies by content, not by key order or spacing', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: 3 }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":3,"d":2}]}');
    expect(requestHash({ a: 1, b: 2 }, {})).toBe(requestHash({ b: 2, a: 1 }, {}));
    expect(requestHash({ a: 1 }, {})).not.toBe(requestHash({ a: 2 }, {}));
    expect(requestHash({ a: 1 }, {})).not.toBe(requestHash({ a: 1 }, { dryRun: 'true' }));
  });
});
