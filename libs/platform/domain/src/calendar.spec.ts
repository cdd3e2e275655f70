import { amsterdamDay, amsterdamToday, shiftDay } from './calendar';

describe('the Dutch calendar day', () => {
  it('is the Amsterdam day, not the UTC day, in the hour around midnight (winter, UTC+1)', () => {
    expect(amsterdamDay(new Date('2026-12-05T22:59:59.999Z'))).toBe('2026-12-05');
    expect(amsterdamDay(new Date('2026-12-05T23:00:00.000Z'))).toBe('2026-12-06');
  });

  it('follows summer time (UTC+2) and its switches', () => {
    expect(amsterdamDay('2026-07-01T21:59:59Z')).toBe('2026-07-01');
    expect(amsterdamDay('2026-07-01T22:00:00Z')).toBe('2026-07-02');
    expect(amsterdamDay('2026-03-28T23:00:00Z')).toBe('2026-03-29'); // the night the clocks go forward
    expect(amsterdamDay('2026-10-24T22:00:00Z')).toBe('2026-10-25'); // the night they go back
  });

  it('moves days across months, years and 29 February', () => {
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDay('2027-02-28', 1)).toBe('2027-03-01');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('gives today in Amsterdam at a given instant', () => {
    expect(amsterdamToday(0, new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-06');
    expect(amsterdamToday(-1, new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-05');
  });
});
