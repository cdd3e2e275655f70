import { DEAD_LETTER_HEADERS, type DeliveredMessage, type OutgoingMessage } from '../message-bus.port';
import { backoffDelay, deadLetterOf, deliver, MAX_BACKOFF_MS, retryPolicy, type DeliveryContext } from './delivery';

const message = {
  topic: 'case.case-closed.v1',
  partition: 3,
  offset: 41n,
  key: 'case-1',
  value: '{"n":2}',
  headers: { traceparent: 't', n: '2' },
};

/** A delivery context that records what happens; pauses return at once and are remembered. */
function context(handle: (m: DeliveredMessage) => Promise<void>, overrides: Partial<DeliveryContext> = {}) {
  const seen = { attempts: [] as number[], pauses: [] as number[], letters: [] as OutgoingMessage[], errors: [] as unknown[] };
  const ctx: DeliveryContext = {
    policy: { maxAttempts: 3, backoffMs: 20 },
    handle: async (m) => {
      seen.attempts.push(m.attempt);
      await handle(m);
    },
    deadLetter: async (letter) => void seen.letters.push(letter),
    report: (error) => void seen.errors.push(error),
    pause: async (ms) => void seen.pauses.push(ms),
    active: () => true,
    ...overrides,
  };
  return { ctx, seen };
}

describe('retry policy and back-off', () => {
  it('defaults to 5 attempts and 100 ms, as the port says', () => {
    expect(retryPolicy({})).toEqual({ maxAttempts: 5, backoffMs: 100 });
    expect(retryPolicy({ maxAttempts: 2, backoffMs: 0 })).toEqual({ maxAttempts: 2, backoffMs: 0 });
  });

  it('refuses settings that cannot work', () => {
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => retryPolicy({ maxAttempts: 1.5 })).toThrow(RangeError);
    expect(() => retryPolicy({ backoffMs: -1 })).toThrow(RangeError);
  });

  it('doubles from the base after each failed attempt, up to 5 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffDelay(a, 100))).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(backoffDelay(1, 20)).toBe(20);
    expect(backoffDelay(10_000, 100)).toBe(MAX_BACKOFF_MS);
  });
});

describe('deadLetterOf', () => {
  it('keeps key, value and headers, and adds where the message came from and why it failed', () => {
    const letter = deadLetterOf({ ...message, attempt: 5 }, new RangeError('cannot handle 2'));
    expect(letter).toEqual({
      topic: 'case.case-closed.v1.dlq',
      key: 'case-1',
      value: '{"n":2}',
      headers: {
        traceparent: 't',
        n: '2',
        [DEAD_LETTER_HEADERS.error]: 'RangeError',
        [DEAD_LETTER_HEADERS.topic]: 'case.case-closed.v1',
        [DEAD_LETTER_HEADERS.partition]: '3',
        [DEAD_LETTER_HEADERS.offset]: '41',
        [DEAD_LETTER_HEADERS.attempts]: '5',
      },
    });
  });
});

describe('deliver', () => {
  it('handles a message once when it succeeds', async () => {
    const { ctx, seen } = context(async () => undefined);
    expect(await deliver(message, ctx)).toBe('handled');
    expect(seen).toEqual({ attempts: [1], pauses: [], letters: [], errors: [] });
  });

  it('retries in place with a growing attempt counter and back-off, until it succeeds', async () => {
    const { ctx, seen } = context(async (m) => {
      if (m.attempt < 3) throw new Error('not yet');
    });
    expect(await deliver(message, ctx)).toBe('handled');
    expect(seen.attempts).toEqual([1, 2, 3]);
    expect(seen.pauses).toEqual([20, 40]);
    expect(seen.errors).toHaveLength(2);
  });

  it('reports each failed attempt with the message as delivered', async () => {
    const reported: [unknown, DeliveredMessage | undefined][] = [];
    const { ctx } = context(async () => Promise.reject(new Error('no')), { report: (e, m) => void reported.push([e, m]) });
    await deliver(message, ctx);
    expect(reported.map(([, m]) => m?.attempt)).toEqual([1, 2, 3]);
    expect(reported[0][1]).toMatchObject({ offset: 41n, key: 'case-1', headers: message.headers });
  });

  it('dead-letters after the last attempt, with the last error, and moves on', async () => {
    const { ctx, seen } = context(async (m) => {
      throw new TypeError(`attempt ${m.attempt}`);
    });
    expect(await deliver(message, ctx)).toBe('dead-lettered');
    expect(seen.attempts).toEqual([1, 2, 3]);
    expect(seen.pauses).toEqual([20, 40]); // no wait after the last attempt
    expect(seen.letters).toHaveLength(1);
    expect(seen.letters[0].headers).toMatchObject({ [DEAD_LETTER_HEADERS.error]: 'TypeError', [DEAD_LETTER_HEADERS.attempts]: '3' });
  });

  it('tries to store a dead letter again until it is stored, reporting each failure', async () => {
    let failures = 2;
    const { ctx, seen } = context(async () => Promise.reject(new Error('poison')), {
      deadLetter: async () => {
        if (failures-- > 0) throw new Error('broker unavailable');
      },
    });
    expect(await deliver(message, ctx)).toBe('dead-lettered');
    expect(seen.errors.map((e) => (e as Error).message)).toEqual([
      'poison',
      'poison',
      'poison',
      'broker unavailable',
      'broker unavailable',
    ]);
    expect(seen.pauses.slice(2)).toEqual([100, 200]);
  });

  it('abandons a message when stopped between attempts, so it is not committed', async () => {
    let active = true;
    const { ctx, seen } = context(async () => Promise.reject(new Error('down')), {
      active: () => active,
      pause: async () => void (active = false),
    });
    expect(await deliver(message, ctx)).toBe('abandoned');
    expect(seen.attempts).toEqual([1]);
    expect(seen.letters).toEqual([]);
  });

  it('starts no attempt at all once stopped', async () => {
    const { ctx, seen } = context(async () => undefined, { active: () => false });
    expect(await deliver(message, ctx)).toBe('abandoned');
    expect(seen.attempts).toEqual([]);
  });

  it('still tries the dead letter once when stopped during the last attempt, then gives up', async () => {
    let active = true;
    const { ctx } = context(
      async (m) => {
        if (m.attempt === 3) active = false;
        throw new Error('poison');
      },
      { active: () => active, deadLetter: async () => Promise.reject(new Error('broker unavailable')) },
    );
    expect(await deliver(message, ctx)).toBe('abandoned');
  });
});
