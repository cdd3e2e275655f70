import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule, EventBus, EventPublisher } from '@nestjs/cqrs';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { WrongExpectedVersionError } from '../errors';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { AggregateRepository } from './aggregate.repository';
import { Ticket, type TicketEvent } from './fixtures/ticket.aggregate';

@Module({ imports: [CqrsModule.forRoot()] })
class TicketsModule {}

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
    expect(ticket.getUncommittedEvents()).toEqual([]);

    const loaded = await tickets.get('t-1');
    loaded.close('settled');
    await tickets.save(loaded);
    const stream = await store.readStream('ticket-t-1');
    expect(stream.map((e) => [e.type, e.version, e.metadata.correlationId])).toEqual([
      ['TicketOpened', 0, 'c-1'],
      ['TicketClosed', 1, undefined],
    ]);
    expect((await tickets.get('t-1')).closed).toBe(true);
    expect(await tickets.load('t-missing')).toBeUndefined();
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
  });

  it('publishes saved events on the Nest event bus when merged with the EventPublisher', async () => {
    const app = await NestFactory.createApplicationContext(TicketsModule, { logger: false });
    try {
      const published: TicketEvent[] = [];
      app.get(EventBus).subscribe((event) => void published.push(event as TicketEvent));
      const ticket = app.get(EventPublisher).mergeObjectContext(new Ticket());
      ticket.open('t-3', new Date('2026-03-03T10:00:00Z'));
      expect(published).toEqual([]);
      await tickets.save(ticket);
      await eventually(() => expect(published.map((e) => e.type)).toEqual(['TicketOpened']));
    } finally {
      await app.close();
    }
  });
});
