import ar from './messages/ar.json';
import en from './messages/en.json';
import nl from './messages/nl.json';
import pl from './messages/pl.json';
import tr from './messages/tr.json';

/** The site's languages, as intake's page offers them; Dutch when the address names none. */
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

/** The address's language, Dutch when it names none; undefined for one the site does not offer. */
export function languageOf(segment: string | undefined): Language | undefined {
  if (segment === undefined) return 'nl';
  return isLanguage(segment) ? segment : undefined;
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function messagesOf(language: Language): Messages {
  return MESSAGES[language];
}
