import { directionOf, formattingLocaleOf, LANGUAGE_NAMES, LANGUAGES, languageOf } from './languages.ts';

describe('the web languages', () => {
  it('takes Dutch when the address names none, and no language it does not offer', () => {
    expect(languageOf(undefined)).toBe('nl');
    expect(languageOf('ar')).toBe('ar');
    expect(languageOf('de')).toBeUndefined();
    expect(languageOf('constructor')).toBeUndefined();
  });

  it('writes Arabic right to left with Latin digits, and names every language in itself', () => {
    expect(LANGUAGES.filter((l) => directionOf(l) === 'rtl')).toEqual(['ar']);
    expect(new Intl.NumberFormat(formattingLocaleOf('ar')).format(1234)).toMatch(/^[0-9,.\u066c]+$/);
    expect(Object.keys(LANGUAGE_NAMES)).toEqual([...LANGUAGES]);
  });
});
