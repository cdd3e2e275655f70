import { preferredLanguage } from './preferred-language';

describe("the portal's language from Accept-Language", () => {
  it.each([
    ['nl;q=0.1, en', 'en'],
    ['ar;q=0.5, en;q=0.9', 'en'],
    ['en-GB,en;q=0.9,nl;q=0.8', 'en'],
    ['de, fr;q=0.9, tr;q=0.2', 'tr'],
    ['pl;q=0, ar', 'ar'],
    ['nl;q=abc, en;q=0.3', 'en'],
  ])('%s → %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });

  it('has none for no header, or only languages it does not speak', () => {
    expect(preferredLanguage(null)).toBeUndefined();
    expect(preferredLanguage('de, fr;q=0.8')).toBeUndefined();
  });
});
