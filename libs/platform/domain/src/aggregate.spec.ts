import { evolveWith, type Evolution } from './aggregate';
import { DomainError } from './domain-errors';
import { given } from './given';
import { Ticket, TicketAlreadyClosedError, type TicketEvent } from './fixtures/ticket.aggregate';

const at = '2026-03-02T09:00:00.000Z';
const opened: TicketEvent = { type: 'TicketOpened', ticketId: 't-1', openedAt: at };
const closed: TicketEvent = { type: 'TicketClosed', ticketId: 't-1', reason: 'settled' };

describe('Aggregate with given-when-then', () => {
  it('applies the event a command decides on', () =>
    given(Ticket, opened)
      .when((t) => t.close('settled'))
      .then(closed));

  it('rebuilds state from history through the one evolution, with the version of the last event', () => {
    const ticket = given(Ticket, opened, closed).aggregate;
    expect(ticket.state).toEqual({ ticketId: 't-1', closed: true });
    expect(ticket.version).toBe(1);
    expect(ticket.uncommittedEvents()).toEqual([]);
  });

  it('refuses to close a closed ticket and applies nothing', () =>
    given(Ticket, opened, closed)
      .when((t) => t.close('again'))
      .thenThrows(TicketAlreadyClosedError));

  it('fails a then() whose events differ, and a thenThrows() when nothing was thrown', () => {
    expect(() =>
      given(Ticket, opened)
        .when((t) => t.close('settled'))
        .then({ ...closed, reason: 'other' }),
    ).toThrow();
    expect(() =>
      given(Ticket, opened)
        .when((t) => t.close('settled'))
        .thenThrows(TicketAlreadyClosedError),
    ).toThrow('expected an error');
  });

  it('accepts a factory for aggregates whose constructor takes arguments', () =>
    given(() => new Ticket(), opened)
      .when((t) => t.close('settled'))
      .then(closed));

  it('forgets pending events once committed, at the version the store gave', () => {
    const ticket = new Ticket();
    ticket.open('t-2', new Date(at));
    expect(ticket.uncommittedEvents()).toHaveLength(1);
    ticket.markCommitted(0);
    expect([ticket.uncommittedEvents().length, ticket.version]).toEqual([0, 0]);
  });

  it('refuses an event type the evolution does not know (an event stored by a newer version)', () => {
    const evolution: Evolution<number, { type: 'Counted' }> = { Counted: (n) => n + 1 };
    expect(evolveWith(evolution, 0, { type: 'Counted' })).toBe(1);
    expect(() => evolveWith(evolution, 0, { type: 'Other' } as never)).toThrow('No evolution for event type Other');
  });
});

describe('domain errors', () => {
  it('carry their kind and rule code, and read as a sentence', () => {
    const error = new TicketAlreadyClosedError();
    expect(error).toBeInstanceOf(DomainError);
    expect([error.kind, error.name, error.message]).toEqual(['conflict', 'TicketAlreadyClosedError', 'This ticket is already closed']);
  });
});
