import { headcountInForce, headcountOn, scheduledAfter, withHeadcount } from './headcount-history';

const history = [
  { from: '2026-01-01', headcount: 40 },
  { from: '2027-06-01', headcount: 60 },
];

describe('a dated headcount history', () => {
  it('has in force on a day the latest headcount dated on or before it', () => {
    expect(headcountInForce(history, '2026-12-07')).toEqual({ from: '2026-01-01', headcount: 40 });
    expect(headcountInForce(history, '2027-05-31')).toEqual({ from: '2026-01-01', headcount: 40 });
    expect(headcountInForce(history, '2027-06-01')).toEqual({ from: '2027-06-01', headcount: 60 });
    expect(headcountInForce(history, '2025-12-31')).toBeUndefined();
  });

  it('shows the earliest before the first day known, and nothing when empty', () => {
    expect(headcountOn(history, '2025-12-31')).toEqual({ from: '2026-01-01', headcount: 40 });
    expect(headcountOn([], '2026-12-07')).toBeUndefined();
  });

  it('lists what is scheduled after a day', () => {
    expect(scheduledAfter(history, '2026-12-07')).toEqual([{ from: '2027-06-01', headcount: 60 }]);
    expect(scheduledAfter(history, '2027-06-01')).toEqual([]);
  });

  it('keeps one headcount per day, in the order of the days', () => {
    expect(withHeadcount(history, { from: '2026-12-07', headcount: 45 }).map((h) => h.from)).toEqual([
      '2026-01-01',
      '2026-12-07',
      '2027-06-01',
    ]);
    expect(withHeadcount(history, { from: '2027-06-01', headcount: 55 })).toEqual([
      { from: '2026-01-01', headcount: 40 },
      { from: '2027-06-01', headcount: 55 },
    ]);
  });
});
