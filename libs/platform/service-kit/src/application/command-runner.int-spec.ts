import { randomUUID } from 'node:crypto';
import { ALL_CONTRACTS, ContractRegistry, ContractViolationError, ReportWithdrawnV1 } from '@vertrouwd/contracts';
import { AggregateRepository, PostgresEventStore, WrongExpectedVersionError } from '@vertrouwd/event-sourcing';
import type { Principal, Role } from '@vertrouwd/auth';
import { AlreadyShreddedError } from '@vertrouwd/privacy';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import {
  CountTooLargeError,
  Tally,
  TallyErasedError,
  TallyNotFoundError,
  TallyWithdrawnError,
  type TallyEvent,
} from '../fixtures/tally.aggregate';
import { contextOf } from '../http/request-context';
import { CommandRunner, type CommandRunnerOptions } from './command-runner';
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
  const runnerWith = (overrides: Partial<CommandRunnerOptions<Tally, TallyEvent>> = {}) =>
    new CommandRunner<Tally, TallyEvent>({
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
      ...overrides,
    });

  beforeAll(async () => {
    db = await createTestDatabase('kit_runner');
    store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 2 });
    tallies = new AggregateRepository(store, { category: 'tally', create: () => new Tally() });
    runner = runnerWith();
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
    for (const event of events)
      expect(event.metadata).toMatchObject({ actor: 'advisor-1', correlationId: 'corr-1', causationId: 'cause-1' });
    expect(events[1].metadata).not.toHaveProperty('outbox'); // a count gives rise to no integration event
  });

  it('leaves the causation out when the command has none', async () => {
    const id = await opened();
    await runner.run(id, { actor: 'system:job', correlationId: 'job-2' }, (tally) => tally.count(1));
    const [, counted] = await stream(id);
    expect(counted.metadata).toMatchObject({ actor: 'system:job', correlationId: 'job-2' });
    expect(counted.metadata).not.toHaveProperty('causationId');
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

  it('validates the integration events against their contracts before anything is written', async () => {
    const id = await opened();
    const sloppy = runnerWith({
      translate: (event) => (event.type === 'TallyWithdrawn' ? [{ contract: ReportWithdrawnV1, payload: { caseId: 'not-a-uuid' } }] : []),
    });
    const refused = sloppy.run(id, staff, (tally) => tally.withdraw(new Date()));
    await expect(refused).rejects.toBeInstanceOf(ContractViolationError);
    expect(await stream(id)).toHaveLength(1);
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

  it('reaches through a request’s context what its principal may: staff their agency, an admin all, no agency nothing', async () => {
    const id = await opened();
    const principal = (roles: Role[], agencyId?: string): Principal => ({
      subject: 'sub',
      kind: 'user',
      roles,
      ...(agencyId ? { agencyId } : {}),
    });
    await runner.run(id, contextOf(principal(['advisor'], AGENCY), { correlationId: 'req-1' }), (tally) => tally.count(1));
    await runner.run(id, contextOf(principal(['admin']), { correlationId: 'req-2' }), (tally) => tally.count(1));
    await expect(runner.run(id, contextOf(principal(['advisor']), {}), (tally) => tally.count(1))).rejects.toBeInstanceOf(
      TallyNotFoundError,
    );
    await expect(runner.run(id, contextOf(principal(['coordinator'], randomUUID()), {}), (tally) => tally.count(1))).rejects.toBeInstanceOf(
      TallyNotFoundError,
    );
    expect((await stream(id)).map((e) => e.metadata.correlationId)).toEqual(['corr-1', 'req-1', 'req-2']);
  });

  it('passes a rule’s refusal on untouched, and appends nothing', async () => {
    const id = await opened();
    const refused = runner.run(id, staff, (tally) => tally.count(11));
    await expect(refused).rejects.toBeInstanceOf(CountTooLargeError);
    await expect(refused).rejects.toMatchObject({ kind: 'unprocessable', name: 'CountTooLargeError' });
    const refusal = new TallyWithdrawnError();
    await expect(
      runner.run(id, staff, (tally) => {
        tally.count(1); // applied, then refused: nothing of it is saved
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await stream(id)).toHaveLength(1);
  });

  it('turns keys shredded while deciding into the service’s erased refusal', async () => {
    const id = await opened();
    const sealing = runner.run(id, staff, () => Promise.reject(new AlreadyShreddedError('case')));
    await expect(sealing).rejects.toBeInstanceOf(TallyErasedError);
    expect(await stream(id)).toHaveLength(1);
  });

  it('passes shredded keys on as they are when the service has no erased refusal (the HTTP edge answers 409)', async () => {
    const id = await opened();
    const shredded = new AlreadyShreddedError('case');
    await expect(runnerWith({ erased: undefined }).run(id, staff, () => Promise.reject(shredded))).rejects.toBe(shredded);
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
