import { Aggregate, conflict, type Evolution } from '@vertrouwd/domain';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { WrongExpectedVersionError } from '../errors';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { AggregateNotFoundError, AggregateRepository } from './aggregate.repository';

type TicketEvent =
  { type: 'TicketOpened'; ticketId: string; openedAt: string } | { type: 'TicketClosed'; ticketId: string; reason: string };

class TicketClosedError extends conflict('TicketClosedError', 'This ticket is closed') {}

const evolution: Evolution<{ ticketId: string; closed: boolean }, TicketEvent> = {
  TicketOpened: (state, event) => ({ ...state, ticketId: event.ticketId }),
  TicketClosed: (state) => ({ ...state, closed: true }),
};

class Ticket extends Aggregate<TicketEvent, { ticketId: string; closed: boolean }> {
  constructor() {
    super({ ticketId: '', closed: false }, evolution);
  }
  get id(): string {
    return this.state.ticketId;
  }
  open(ticketId: string, at: Date): void {
    this.apply({ type: 'TicketOpened', ticketId, openedAt: at.toISOString() });
  }
  close(reason: string): void {
    if (this.state.closed) throw new TicketClosedError();
    this.apply({ type: 'TicketClosed', ticketId: this.id, reason });
  }
}

describe('AggregateRepository', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let tickets: AggregateRepository<TicketEvent, Ticket>;

  beforeAll(async () => {
    db = await createTestDatabase('es_repo');
    store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 2 });
    tickets = new AggregateRepository(store, { category: 'ticket', create: () => new Ticket() });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('saves new events with the expected version and loads the aggregate back from its stream', async () => {
    const ticket = new Ticket();
    ticket.open('t-1', new Date('2026-03-02T09:00:00Z'));
    await tickets.save(ticket, { correlationId: 'c-1', actor: 'advisor-1' });
    expect(ticket.version).toBe(0);
    expect(ticket.uncommittedEvents()).toEqual([]);

    const loaded = await tickets.get('t-1');
    expect([loaded.version, loaded.uncommittedEvents()]).toEqual([0, []]);
    loaded.close('settled');
    await tickets.save(loaded);
    expect(loaded.version).toBe(1);
    const stream = await store.readStream('ticket-t-1');
    expect(stream.map((e) => [e.type, e.version, e.data, e.metadata.correlationId])).toEqual([
      ['TicketOpened', 0, { ticketId: 't-1', openedAt: '2026-03-02T09:00:00.000Z' }, 'c-1'],
      ['TicketClosed', 1, { ticketId: 't-1', reason: 'settled' }, undefined],
    ]);
    expect((await tickets.get('t-1')).state.closed).toBe(true);
    expect(await tickets.load('t-missing')).toBeUndefined();
    await expect(tickets.get('t-missing')).rejects.toBeInstanceOf(AggregateNotFoundError);
  });

  it('saves nothing when nothing was applied', async () => {
    const ticket = new Ticket();
    ticket.open('t-0', new Date());
    await tickets.save(ticket);
    const loaded = await tickets.get('t-0');
    expect(await tickets.save(loaded)).toBeUndefined();
    expect(await store.readStream('ticket-t-0')).toHaveLength(1);
  });

  it('refuses to save over a concurrent change', async () => {
    const ticket = new Ticket();
    ticket.open('t-2', new Date());
    await tickets.save(ticket);
    const [mine, theirs] = [await tickets.get('t-2'), await tickets.get('t-2')];
    theirs.close('by them');
    await tickets.save(theirs);
    mine.close('by me');
    await expect(tickets.save(mine)).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(mine.uncommittedEvents()).toHaveLength(1); // still pending: nothing was stored
  });

  it('refuses a new aggregate whose stream exists already', async () => {
    const first = new Ticket();
    first.open('t-3', new Date());
    await tickets.save(first);
    const second = new Ticket();
    second.open('t-3', new Date());
    await expect(tickets.save(second)).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('passes each event with its id to enrich, which adds to that event’s metadata (the outbox hook)', async () => {
    const ticket = new Ticket();
    ticket.open('t-4', new Date());
    ticket.close('at once');
    const seen: [string, string, string][] = [];
    await tickets.save(ticket, { correlationId: 'c-4' }, (event, { id, aggregateId, metadata }) => {
      seen.push([event.type, aggregateId, id]);
      return { ...metadata, causationId: id };
    });
    const stream = await store.readStream('ticket-t-4');
    expect(seen.map(([type, aggregateId]) => [type, aggregateId])).toEqual([
      ['TicketOpened', 't-4'],
      ['TicketClosed', 't-4'],
    ]);
    expect(stream.map((e) => [e.id, e.metadata.correlationId, e.metadata.causationId])).toEqual(seen.map(([, , id]) => [id, 'c-4', id]));
  });
});
