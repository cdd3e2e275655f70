import { sharedIntl } from './intl.ts';

describe('sharedIntl', () => {
  const nl = { greeting: '{count, plural, one {# melding} other {# meldingen}}' };
  const pl = { greeting: '{count, plural, one {# zgłoszenie} few {# zgłoszenia} many {# zgłoszeń} other {# zgłoszenia}}' };

  it('is made once per locale and messages, and formats with the plural rules of its locale', () => {
    expect(sharedIntl('nl', nl)).toBe(sharedIntl('nl', nl));
    expect(sharedIntl('pl', pl)).not.toBe(sharedIntl('nl', nl));
    expect(sharedIntl('nl', nl).formatMessage({ id: 'greeting' }, { count: 1 })).toBe('1 melding');
    expect(sharedIntl('pl', pl).formatMessage({ id: 'greeting' }, { count: 3 })).toBe('3 zgłoszenia');
    expect(sharedIntl('pl', pl).formatMessage({ id: 'greeting' }, { count: 5 })).toBe('5 zgłoszeń');
  });

  it('keeps Latin digits for Arabic with the -nu-latn locale', () => {
    expect(sharedIntl('ar-u-nu-latn', { n: '{n, number}' }).formatMessage({ id: 'n' }, { n: 1234 })).toMatch(/^1.?234$/);
  });
});

describe('a message missing or broken', () => {
  it('is said once in the log by its id and code, never with the values the page passed', () => {
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    try {
      const intl = sharedIntl('en', { broken: '{name, number, ::currency/}' }, 'en');
      expect(intl.formatMessage({ id: 'absent.message' })).toBe('absent.message');
      intl.formatMessage({ id: 'absent.message' });
      intl.formatMessage({ id: 'broken' }, { name: 'canary-value-7f3a' });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual(['intl: MISSING_TRANSLATION for message absent.message', 'intl: FORMAT_ERROR for message broken']);
    expect(lines.join('\n')).not.toContain('canary-value-7f3a');
  });
});
