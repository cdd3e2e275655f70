import { EventSerializer } from './event-serializer';
import { given } from './given';
import { Ticket, TicketAlreadyClosedError, type TicketEvent } from './fixtures/ticket.aggregate';

const at = new Date('2026-03-02T09:00:00Z');
const opened: TicketEvent = { type: 'TicketOpened', ticketId: 't-1', openedAt: at };
const closed: TicketEvent = { type: 'TicketClosed', ticketId: 't-1', reason: 'settled' };

describe('EventSourcedAggregate with given-when-then', () => {
  it('applies the event a command decides on', () =>
    given(Ticket, opened)
      .when((t) => t.close('settled'))
      .then(closed));

  it('dispatches on the fixed type string, so history rebuilds state', () => {
    const ticket = given(Ticket, opened, closed).aggregate;
    expect(ticket.closed).toBe(true);
    expect(ticket.version).toBe(1);
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
});

describe('EventSerializer', () => {
  const serializer = new EventSerializer<TicketEvent>({
    revivers: { TicketOpened: (d) => ({ type: 'TicketOpened', ticketId: String(d.ticketId), openedAt: new Date(String(d.openedAt)) }) },
    upcasters: { 'TicketClosed.v0': (d) => ({ type: 'TicketClosed', data: { ticketId: d.id, reason: d.why } }) },
  });

  it('stores the type apart from the data and revives it', () => {
    const stored = serializer.serialize(opened);
    expect(stored).toEqual({ type: 'TicketOpened', data: { ticketId: 't-1', openedAt: at } });
    const data = JSON.parse(JSON.stringify(stored.data));
    expect(serializer.deserialize({ type: 'TicketOpened', data })).toEqual(opened);
  });

  it('upcasts an old shape into the current event', () => {
    expect(serializer.deserialize({ type: 'TicketClosed.v0', data: { id: 't-1', why: 'settled' } })).toEqual(closed);
  });
});
