import { NO_STREAM } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { InvalidAppendError, PartialIdempotentAppendError } from '../errors';
import type { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { uuidv7 } from '../ids';
import { CHECKPOINT_CATEGORY, isVisible, serverFilter } from './kurrentdb-filter';
import { alreadyAppended } from './kurrentdb-idempotency';
import { chainEvents, checkExpected, prepareEvents, meetsExpectation, streamStateOf, toRecordedEvent } from './kurrentdb-mapping';

describe('KurrentDB expected versions', () => {
  it('pins an append to the tail it read: a revision, or no_stream for none', () => {
    expect(streamStateOf(-1)).toBe(NO_STREAM);
    expect(streamStateOf(0)).toBe(0n);
    expect(streamStateOf(41)).toBe(41n);
  });

  it.each([
    ['any', -1, true],
    ['any', 3, true],
    ['no_stream', -1, true],
    ['no_stream', 0, false],
    ['stream_exists', -1, false],
    ['stream_exists', 0, true],
    [2, 2, true],
    [2, 1, false],
    [2, -1, false],
    [0, -1, false],
  ] as const)('checks %p against a stream at %p: %p', (expected, last, ok) => {
    expect(meetsExpectation(expected, last)).toBe(ok);
  });

  it('refuses an expected version that is no version', () => {
    for (const bad of [-1, 1.5, Number.NaN, 'latest' as never]) expect(() => checkExpected(bad)).toThrow(InvalidAppendError);
    expect(checkExpected(0)).toBe(0);
  });
});

describe('KurrentDB event mapping', () => {
  const recorded = (data: ReturnType<typeof chainEvents>[number], revision: number, prefix = ''): AllStreamResolvedEvent => ({
    event: {
      streamId: `${prefix}case-1`,
      id: data.id,
      revision: BigInt(revision),
      type: data.type,
      isJson: true,
      created: new Date(),
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: JSON.parse(JSON.stringify(data.metadata)),
      position: { commit: 100n + BigInt(revision), prepare: 100n + BigInt(revision) },
    },
  });

  it('chains events so that they verify once read back, whatever JSON does to their content', () => {
    const events = prepareEvents([
      { type: 'CaseOpened', data: { at: new Date('2026-03-02T09:00:00Z'), skip: undefined }, metadata: { actor: 'a1' } },
      { id: uuidv7().toUpperCase(), type: 'CaseNoted', data: [1, 2] },
    ]);
    const stored = chainEvents(events, GENESIS_HASH);
    const read = stored.map((data, revision) => toRecordedEvent(recorded(data, revision)));
    expect(read[0]).toMatchObject({
      type: 'CaseOpened',
      data: { at: '2026-03-02T09:00:00.000Z' },
      streamId: 'case-1',
      version: 0,
      position: 100n,
    });
    expect(read[0].metadata).toMatchObject({ actor: 'a1', prevHash: GENESIS_HASH });
    expect(read[1].id).toBe(events[1].id);
    expect(read[1].id).toBe(read[1].id.toLowerCase());
    expect(verifyChain(read)).toEqual({ valid: true, eventsChecked: 2 });
  });

  it('hides the stream prefix from callers', () => {
    const [stored] = chainEvents(prepareEvents([{ type: 'T', data: {} }]), GENESIS_HASH);
    expect(toRecordedEvent(recorded(stored, 0, 'run1.'), 'run1.').streamId).toBe('case-1');
  });

  it('refuses events the other adapters refuse too', () => {
    expect(() => prepareEvents([{ type: '', data: {} }])).toThrow(InvalidAppendError);
    expect(() => prepareEvents([{ type: 'T', data: undefined }])).toThrow(InvalidAppendError);
    expect(() => prepareEvents([{ id: 'evt-1', type: 'T', data: {} }])).toThrow(InvalidAppendError);
    const id = uuidv7();
    expect(() =>
      prepareEvents([
        { id, type: 'T', data: {} },
        { id, type: 'T', data: {} },
      ]),
    ).toThrow(InvalidAppendError);
  });
});

describe('KurrentDB filters', () => {
  const matches = (filter: ReturnType<typeof serverFilter>, streamId: string, type = 'Opened') =>
    new RegExp('regex' in filter ? filter.regex : '').test(filter.filterOn === 'eventType' ? type : streamId);

  it('narrows by category on the server, whole category names only', () => {
    const filter = serverFilter({ categories: ['case', 'a.b'] });
    expect(filter.filterOn).toBe('streamName');
    expect(['case-1', 'case', 'a.b-2'].map((s) => matches(filter, s))).toEqual([true, true, true]);
    expect(['cases-1', 'axb-2', 'x-case-1', '$ce-case'].map((s) => matches(filter, s))).toEqual([false, false, false, false]);
  });

  it('narrows by event type on the server when there is no category or prefix', () => {
    const filter = serverFilter({ types: ['Opened'] });
    expect(filter.filterOn).toBe('eventType');
    expect([matches(filter, 'x', 'Opened'), matches(filter, 'x', 'OpenedLater')]).toEqual([true, false]);
  });

  it('keeps system and checkpoint streams, and other prefixes, away from readers', () => {
    const plain = serverFilter();
    expect(['case-1', '$stats-1', `${CHECKPOINT_CATEGORY}-sub`].map((s) => matches(plain, s))).toEqual([true, false, false]);
    const prefixed = serverFilter({ types: ['Opened'] }, 'run1.');
    expect(['run1.case-1', 'run2.case-1', `run1.${CHECKPOINT_CATEGORY}-sub`].map((s) => matches(prefixed, s))).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('applies the whole filter on the client', () => {
    const filter = { categories: ['case'], types: ['Opened'] };
    expect(isVisible({ streamId: 'case-1', type: 'Opened' }, filter)).toBe(true);
    expect(isVisible({ streamId: 'case-1', type: 'Closed' }, filter)).toBe(false);
    expect(isVisible({ streamId: 'case-1', type: '$metadata' })).toBe(false);
    expect(isVisible({ streamId: `${CHECKPOINT_CATEGORY}-sub`, type: 'x' })).toBe(false);
    expect(isVisible({ streamId: 'run1.case-1', type: 'Opened' }, filter, 'run1.')).toBe(true);
    expect(isVisible({ streamId: 'case-1', type: 'Opened' }, filter, 'run1.')).toBe(false);
  });
});

describe('KurrentDB idempotent appends', () => {
  const stored = (version: number): RecordedEvent => ({
    id: uuidv7(),
    type: 'T',
    data: {},
    metadata: { prevHash: '', hash: '' },
    streamId: 's',
    version,
    position: 10n * BigInt(version + 1),
    recordedAt: new Date(),
  });
  const stream = [stored(0), stored(1), stored(2)];

  it('answers a replay with the result of the first append', () => {
    expect(alreadyAppended('s', [stream[1].id, stream[2].id], stream)).toEqual({ nextExpectedVersion: 2, position: 30n });
  });

  it('lets new ids through and refuses a mix of old and new', () => {
    expect(alreadyAppended('s', [uuidv7()], stream)).toBeUndefined();
    expect(() => alreadyAppended('s', [stream[2].id, uuidv7()], stream)).toThrow(PartialIdempotentAppendError);
  });
});
