import { randomUUID } from 'node:crypto';
import { ALL_CONTRACTS, ContractRegistry, ReportWithdrawnV1 } from '@vertrouwd/contracts';
import { AggregateRepository, PostgresEventStore, WrongExpectedVersionError } from '@vertrouwd/event-sourcing';
import { AlreadyShreddedError } from '@vertrouwd/privacy';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { CountTooLargeError, Tally, TallyErasedError, TallyNotFoundError, type TallyEvent } from '../fixtures/tally.aggregate';
import { CommandRunner } from './command-runner';
import type { CommandContext } from './command-context';

// The one way to run a command, against a real PostgreSQL event store: the tenant check, the expected version,
// the outbox in the same append, and refusals that leave the stream as it was.

const AGENCY = randomUUID();
const staff: CommandContext = { actor: 'advisor-1', agencyId: AGENCY, correlationId: 'corr-1', causationId: 'cause-1' };

describe('CommandRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let tallies: AggregateRepository<TallyEvent, Tally>;
  let runner: CommandRunner<Tally, TallyEvent>;

  beforeAll(async () => {
    db = await createTestDatabase('kit_runner');
    store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 2 });
    tallies = new AggregateRepository(store, { category: 'tally', create: () => new Tally() });
    runner = new CommandRunner({
      aggregates: tallies,
      // A withdrawal leaves the service as a real contract (validated before anything is written).
      translate: (event) =>
        event.type === 'TallyWithdrawn'
          ? [{ contract: ReportWithdrawnV1, payload: { caseId: event.tallyId, withdrawnAt: event.withdrawnAt } }]
          : [],
      contracts: new ContractRegistry(ALL_CONTRACTS),
      tenantOf: (tally) => tally.state.agencyId,
      notFound: () => new TallyNotFoundError(),
      erased: () => new TallyErasedError(),
    });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  async function opened(): Promise<string> {
    const tally = new Tally();
    const id = randomUUID();
    tally.open(id, AGENCY);
    expect(await runner.create(tally, staff)).toBe(true);
    return id;
  }
  const stream = (id: string) => store.readStream(`tally-${id}`);

  it('appends what the aggregate decided, with the actor, correlation and causation in the metadata', async () => {
    const id = await opened();
    await runner.run(id, staff, (tally) => tally.count(3));
    const events = await stream(id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['TallyOpened', 0],
      ['TallyCounted', 1],
    ]);
    expect(events[1].metadata).toMatchObject({ actor: 'advisor-1', correlationId: 'corr-1', causationId: 'cause-1' });
  });

  it('puts the integration events in the outbox of the event they come from, in the same append', async () => {
    const id = await opened();
    await runner.run(id, staff, (tally) => tally.withdraw(new Date('2026-03-02T09:00:00Z')));
    const [, withdrawn] = await stream(id);
    const outbox = withdrawn.metadata.outbox as { topic: string; key: string; value: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ topic: 'intake.report-withdrawn.v1', key: id });
    expect(JSON.parse(outbox[0].value)).toMatchObject({
      type: 'intake.report-withdrawn',
      causationId: withdrawn.id,
      correlationId: 'corr-1',
      payload: { caseId: id, withdrawnAt: '2026-03-02T09:00:00.000Z' },
    });
  });

  it('answers notFound for a missing aggregate and for another agency’s, and appends nothing', async () => {
    const id = await opened();
    await expect(runner.run(randomUUID(), staff, (tally) => tally.count(1))).rejects.toBeInstanceOf(TallyNotFoundError);
    const otherAgency = { ...staff, agencyId: randomUUID() };
    await expect(runner.run(id, otherAgency, (tally) => tally.count(1))).rejects.toBeInstanceOf(TallyNotFoundError);
    expect(await stream(id)).toHaveLength(1);
  });

  it('lets the platform itself (no agency in the context) reach every agency’s aggregates', async () => {
    const id = await opened();
    await runner.run(id, { actor: 'system:job', correlationId: 'job-1' }, (tally) => tally.count(1));
    expect(await stream(id)).toHaveLength(2);
  });

  it('passes a rule’s refusal on untouched, and appends nothing', async () => {
    const id = await opened();
    const refused = runner.run(id, staff, (tally) => tally.count(11));
    await expect(refused).rejects.toBeInstanceOf(CountTooLargeError);
    await expect(refused).rejects.toMatchObject({ kind: 'unprocessable', name: 'CountTooLargeError' });
    expect(await stream(id)).toHaveLength(1);
  });

  it('turns keys shredded while deciding into the service’s erased refusal', async () => {
    const id = await opened();
    const sealing = runner.run(id, staff, () => Promise.reject(new AlreadyShreddedError('case')));
    await expect(sealing).rejects.toBeInstanceOf(TallyErasedError);
    expect(await stream(id)).toHaveLength(1);
  });

  it('creates once: a second create of the same stream says false and changes nothing', async () => {
    const id = await opened();
    const again = new Tally();
    again.open(id, AGENCY);
    expect(await runner.create(again, staff)).toBe(false);
    expect([await runner.exists(id), await runner.exists(randomUUID())]).toEqual([true, false]);
    expect(await stream(id)).toHaveLength(1);
  });

  it('refuses to write over a concurrent change (expected version)', async () => {
    const id = await opened();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first command loads at version 0 and waits; the second one appends meanwhile.
    const slow = runner.run(id, staff, async (tally) => {
      await held;
      tally.count(1);
    });
    await runner.run(id, staff, (tally) => tally.count(2));
    release();
    await expect(slow).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await stream(id)).map((e) => e.type)).toEqual(['TallyOpened', 'TallyCounted']);
  });
});
