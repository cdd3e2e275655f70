import { checkLogin, checkText, plausiblePair, TEXT_MAX, waitOf } from './forms';

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
};

describe('the follow-up forms, checked on the server', () => {
  it('asks for both receipt code and passphrase, naming each field that is empty', () => {
    expect(checkLogin(form({})).problems.map((p) => p.field)).toEqual(['receiptCode', 'passphrase']);
    expect(checkLogin(form({ receiptCode: ' K7QW-3MZP-9RTX-2VHB-0001 ', passphrase: 'x' }))).toEqual({
      receiptCode: 'K7QW-3MZP-9RTX-2VHB-0001',
      passphrase: 'x',
      problems: [],
    });
  });

  it('takes a pair that cannot be one as no match, without asking intake', () => {
    expect(plausiblePair('K7QW-3MZP-9RTX-2VHB-0001', 'AB3DE-FG4HJ-KM5NP-QR6ST-VW7XY-Z8ABC')).toBe(true);
    expect(plausiblePair('K7QW', 'AB3DE-FG4HJ-KM5NP-QR6ST-VW7XY-Z8ABC')).toBe(false);
    expect(plausiblePair('K7QW-3MZP-9RTX-2VHB-0001', 'short')).toBe(false);
  });

  it('refuses an empty or too long message, keeping what was typed', () => {
    expect(checkText(form({ body: '  ' }), 'body', 'case.errors.message').problems).toEqual([
      { field: 'body', message: 'case.errors.message' },
    ]);
    const long = 'a'.repeat(TEXT_MAX + 1);
    expect(checkText(form({ body: long }), 'body', 'case.errors.message')).toEqual({
      value: long,
      problems: [{ field: 'body', message: 'case.errors.tooLong', values: { length: TEXT_MAX + 1, max: TEXT_MAX } }],
    });
    expect(checkText(form({ body: 'Dank je' }), 'body', 'case.errors.message').problems).toEqual([]);
    // A NUL character, which intake refuses, is named next to the field (it was a failure page).
    expect(checkText(form({ body: 'Dank\u0000je' }), 'body', 'case.errors.message').problems).toEqual([
      { field: 'body', message: 'case.errors.characters' },
    ]);
  });

  it('says a wait in seconds under a minute, else in whole minutes rounded up', () => {
    expect(waitOf(0)).toEqual({ unit: 'seconds', count: 1 });
    expect(waitOf(4)).toEqual({ unit: 'seconds', count: 4 });
    expect(waitOf(59.2)).toEqual({ unit: 'minutes', count: 1 });
    expect(waitOf(60)).toEqual({ unit: 'minutes', count: 1 });
    expect(waitOf(61)).toEqual({ unit: 'minutes', count: 2 });
  });
});
