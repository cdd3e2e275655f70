import { sharedIntl, withPlainTextParsed } from './intl.ts';

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

describe('plain-text messages', () => {
  const messages = {
    plain: "Vragen van collega's",
    quoted: "Het woord '{'naam'}' staat er letterlijk",
    argument: 'Ingelogd als {name}',
    tagged: 'Lees <b>dit</b>',
    plural: '{count, plural, one {# zaak} other {# zaken}}',
    empty: '',
  };

  it('are handed over parsed, as one literal; every other message stays text', () => {
    const prepared = withPlainTextParsed(messages);
    expect(prepared.plain).toEqual([{ type: 0, value: "Vragen van collega's" }]);
    expect(prepared.quoted).toEqual([{ type: 0, value: 'Het woord {naam} staat er letterlijk' }]);
    for (const id of ['argument', 'tagged', 'plural', 'empty'] as const) expect(prepared[id]).toBe(messages[id]);
  });

  it('format as they did as text, the quoting of ICU applied', () => {
    const intl = sharedIntl('nl', messages);
    expect(intl.formatMessage({ id: 'plain' })).toBe("Vragen van collega's");
    expect(intl.formatMessage({ id: 'quoted' })).toBe('Het woord {naam} staat er letterlijk');
    expect(intl.formatMessage({ id: 'argument' }, { name: 'anna' })).toBe('Ingelogd als anna');
    expect(intl.formatMessage({ id: 'plural' }, { count: 2 })).toBe('2 zaken');
    expect(intl.formatMessage({ id: 'plain' }, { unused: 'x' })).toBe("Vragen van collega's");
  });
});

describe('messages with arguments', () => {
  const messages = {
    signedIn: 'Ingelogd als {name}',
    count: '{count, plural, one {# zaak} other {# zaken}} sinds {day, date, long}',
    rich: 'Lees <b>dit</b> eerst',
  };

  it('format alike every time, with each call’s own values', () => {
    const intl = sharedIntl('nl', messages);
    expect(intl.formatMessage({ id: 'signedIn' }, { name: 'anna' })).toBe('Ingelogd als anna');
    expect(intl.formatMessage({ id: 'signedIn' }, { name: 'bram' })).toBe('Ingelogd als bram');
    expect(intl.formatMessage({ id: 'count' }, { count: 1, day: new Date('2026-12-06T12:00:00Z') })).toBe('1 zaak sinds 6 december 2026');
    expect(intl.$t({ id: 'count' }, { count: 3, day: new Date('2026-01-01T12:00:00Z') })).toBe('3 zaken sinds 1 januari 2026');
  });

  it('leave rich text and a value left out to react-intl, which answers as it always did', () => {
    const intl = sharedIntl('nl', messages);
    const parts = intl.formatMessage({ id: 'rich' }, { b: (chunks: unknown) => `[${String(chunks)}]` });
    expect(Array.isArray(parts) ? parts.join('') : parts).toBe('Lees [dit] eerst');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(intl.formatMessage({ id: 'signedIn' })).toBe('Ingelogd als {name}');
    } finally {
      spy.mockRestore();
    }
  });
});
