import ar from './messages/ar.json';
import en from './messages/en.json';
import nl from './messages/nl.json';
import pl from './messages/pl.json';
import tr from './messages/tr.json';

/** The portal's languages; Dutch when the address names none. */
export const LANGUAGES = ['nl', 'en', 'pl', 'tr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Messages = typeof nl;

// Every language has every message of the Dutch one: the type says so at compile time.
const MESSAGES: Record<Language, Messages> = { nl, en, pl, tr, ar };

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  nl: 'Nederlands',
  en: 'English',
  pl: 'Polski',
  tr: 'Türkçe',
  ar: 'العربية',
};

export function isLanguage(value: string | undefined): value is Language {
  return (LANGUAGES as readonly (string | undefined)[]).includes(value);
}

/** The address's language, Dutch when it names none; undefined for one the portal does not offer. */
export function languageOf(segment: string | undefined): Language | undefined {
  if (segment === undefined) return 'nl';
  return isLanguage(segment) ? segment : undefined;
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The locale dates and numbers are formatted in: Arabic with Latin digits, as the Dutch documents and case
 * references they sit beside (and the same in Node and in the browser, so hydration finds the same text).
 */
export function formattingLocaleOf(language: Language): string {
  return language === 'ar' ? 'ar-u-nu-latn' : language;
}

export function messagesOf(language: Language): Messages {
  return MESSAGES[language];
}

/** The page's language from its address; an address in a language the portal does not offer is not a page. */
export function pageLanguage(segment: string | undefined): Language {
  const language = languageOf(segment);
  if (!language) throw new Response(null, { status: 404 });
  return language;
}
