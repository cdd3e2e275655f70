import { composeNotice } from './compose-notice';
import { isFreshNews, NOTICE_KINDS, NOTICE_LANGUAGES, noticeLanguage } from './notice';
import { NOTICE_TEXTS } from './notice-texts';

const every = NOTICE_LANGUAGES.flatMap((language) => NOTICE_KINDS.map((kind) => [language, kind] as const));

// Words that would mean a notice carries case data: a theme, an outcome, a reference or a date.
const CASE_DATA = [
  /\d/,
  /\{|\}|%s|\$\{|<%|\[\[|__/,
  /bullying|pesten|intimidat|fraud|corrupt|discriminat|harass/i,
  /case id|receipt code:|meldcode:/i,
];

describe('notice texts', () => {
  it.each(every)('has a subject and a body for %s/%s, without placeholders or case data', (language, kind) => {
    const text = NOTICE_TEXTS[language].kinds[kind];
    expect(text.subject.trim().length).toBeGreaterThan(5);
    expect(text.paragraphs.length).toBeGreaterThan(0);
    for (const line of [text.subject, ...text.paragraphs, NOTICE_TEXTS[language].greeting, NOTICE_TEXTS[language].footer]) {
      for (const pattern of CASE_DATA) expect(line).not.toMatch(pattern);
    }
  });

  it('writes each kind differently from the others in each language, and each language differently', () => {
    for (const language of NOTICE_LANGUAGES) {
      const subjects = NOTICE_KINDS.map((kind) => NOTICE_TEXTS[language].kinds[kind].subject);
      expect(new Set(subjects).size).toBe(NOTICE_KINDS.length);
    }
    for (const kind of NOTICE_KINDS) {
      const subjects = NOTICE_LANGUAGES.map((language) => NOTICE_TEXTS[language].kinds[kind].subject);
      expect(new Set(subjects).size).toBe(NOTICE_LANGUAGES.length);
    }
  });

  it('tells the reporter to log in with their receipt, in their words, and nothing more', () => {
    expect(composeNotice({ kind: 'case-news', language: 'nl' }).text).toContain('meldcode en wachtwoordzin');
    expect(composeNotice({ kind: 'case-news', language: 'en' }).text).toContain('receipt code and passphrase');
    expect(composeNotice({ kind: 'case-news', language: 'pl' }).text).toContain('kodu zgłoszenia');
    expect(composeNotice({ kind: 'case-news', language: 'tr' }).text).toContain('bildirim kodunuz');
    expect(composeNotice({ kind: 'case-news', language: 'ar' }).text).toContain('رمز البلاغ');
  });

  it('marks the HTML part with its language, and Arabic right to left', () => {
    expect(composeNotice({ kind: 'case-news', language: 'ar' }).html).toContain('<html lang="ar" dir="rtl">');
    for (const language of NOTICE_LANGUAGES.filter((l) => l !== 'ar')) {
      expect(composeNotice({ kind: 'case-news', language }).html).toContain(`<html lang="${language}" dir="ltr">`);
    }
  });

  it('writes Arabic in Arabic script and the others in theirs', () => {
    for (const kind of NOTICE_KINDS) expect(NOTICE_TEXTS.ar.kinds[kind].paragraphs.join(' ')).toMatch(/[\u0600-\u06FF]{3}/);
    expect(NOTICE_TEXTS.pl.kinds['case-news'].paragraphs.join(' ')).toMatch(/[ąęłńóśźż]/);
    expect(NOTICE_TEXTS.tr.kinds['case-news'].paragraphs.join(' ')).toMatch(/[ğışçöü]/);
  });

  it('falls back to Dutch, explicitly, for a language notices are not written in', () => {
    expect(noticeLanguage('de')).toBe('nl');
    expect(noticeLanguage(undefined)).toBe('nl');
    expect(noticeLanguage('tr')).toBe('tr');
  });
});

describe('isFreshNews', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  it('takes a day-old event as news, and an older one not', () => {
    expect(isFreshNews('2026-03-01T12:00:00Z', now)).toBe(true);
    expect(isFreshNews('2026-03-01T11:59:59Z', now)).toBe(false);
  });
});
