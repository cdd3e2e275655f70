import { EventSerializer } from './event-serializer';

type TicketEvent = { type: 'TicketOpened'; ticketId: string; openedAt: Date } | { type: 'TicketClosed'; ticketId: string; reason: string };

const at = new Date('2026-03-02T09:00:00Z');
const opened: TicketEvent = { type: 'TicketOpened', ticketId: 't-1', openedAt: at };
const closed: TicketEvent = { type: 'TicketClosed', ticketId: 't-1', reason: 'settled' };

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

  it('keeps the data of a plain event as it is, with its type', () => {
    const plain = new EventSerializer<TicketEvent>();
    expect(plain.serialize(closed)).toEqual({ type: 'TicketClosed', data: { ticketId: 't-1', reason: 'settled' } });
    expect(plain.deserialize({ type: 'TicketClosed', data: { ticketId: 't-1', reason: 'settled' } })).toEqual(closed);
  });
});
