import { ALL_CONTRACTS, ContractRegistry } from '@vertrouwd/contracts';
import { StaleVersionError } from '@vertrouwd/event-sourcing';
import { Tally, TallyNotFoundError, type TallyEvent } from '../fixtures/tally.aggregate';
import { CommandRunner, type AggregateStore } from './command-runner';
import type { CommandContext } from './command-context';

// The precondition of a conditional write (`If-Match`): checked against the aggregate's current version before it
// decides, so a command based on an old read changes nothing. The store is in memory: the check needs no database.

class TallyStore implements AggregateStore<Tally, TallyEvent> {
  readonly streams = new Map<string, TallyEvent[]>();

  async load(id: string): Promise<Tally | undefined> {
    const history = this.streams.get(id);
    if (!history) return undefined;
    const tally = new Tally();
    tally.rehydrate(history, history.length - 1);
    return tally;
  }

  async save(tally: Tally): Promise<void> {
    const history = [...(this.streams.get(tally.id) ?? []), ...tally.uncommittedEvents()];
    this.streams.set(tally.id, history);
    tally.markCommitted(history.length - 1);
  }
}

const context = (expectedVersion?: number): CommandContext => ({
  actor: 'coordinator-1',
  agencyId: 'agency-1',
  correlationId: 'corr-1',
  ...(expectedVersion !== undefined ? { expectedVersion } : {}),
});

describe('CommandRunner: the version the caller read', () => {
  let store: TallyStore;
  const runner = (versionOf?: (tally: Tally) => number) =>
    new CommandRunner<Tally, TallyEvent>({
      aggregates: store,
      translate: () => [],
      contracts: new ContractRegistry(ALL_CONTRACTS),
      tenantOf: (tally) => tally.state.agencyId,
      notFound: () => new TallyNotFoundError(),
      ...(versionOf ? { versionOf } : {}),
    });

  beforeEach(async () => {
    store = new TallyStore();
    const tally = new Tally();
    tally.open('tally-1', 'agency-1');
    await store.save(tally);
  });

  it('runs a command based on the current version (the stream version by default)', async () => {
    await runner().run('tally-1', context(0), (t) => t.count(2));
    await runner().run('tally-1', context(1), (t) => t.count(3));
    expect((await store.load('tally-1'))?.state.count).toBe(5);
  });

  it('refuses a command based on an older read before deciding, and writes nothing', async () => {
    await runner().run('tally-1', context(0), (t) => t.count(2));
    const decide = jest.fn((t: Tally) => t.count(3));

    await expect(runner().run('tally-1', context(0), decide)).rejects.toBeInstanceOf(StaleVersionError);

    expect(decide).not.toHaveBeenCalled();
    expect(store.streams.get('tally-1')).toHaveLength(2);
  });

  it('lets the last write win when the caller names no version', async () => {
    await runner().run('tally-1', context(0), (t) => t.count(2));
    await runner().run('tally-1', context(), (t) => t.count(3));
    expect((await store.load('tally-1'))?.state.count).toBe(5);
  });

  it('compares with the version the service reads show, when it is not the stream version', async () => {
    const byCount = runner((t) => t.state.count);
    await byCount.run('tally-1', context(0), (t) => t.count(4));
    await expect(byCount.run('tally-1', context(1), (t) => t.count(1))).rejects.toBeInstanceOf(StaleVersionError);
    await byCount.run('tally-1', context(4), (t) => t.count(1));
    expect((await store.load('tally-1'))?.state.count).toBe(5);
  });

  it('answers another agency’s aggregate as not found, whatever version the caller names', async () => {
    const other = { ...context(0), agencyId: 'agency-2' };
    await expect(runner().run('tally-1', other, (t) => t.count(1))).rejects.toBeInstanceOf(TallyNotFoundError);
  });
});
