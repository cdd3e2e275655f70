/**
 * The languages of the web services (the reporter's site offers the ones intake's page offers; the portal the
 * same): Dutch when an address names none. Each service keeps its own messages; this is what the languages are.
 */
export const LANGUAGES = ['nl', 'en', 'pl', 'tr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

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

/** The address's language, Dutch when it names none; undefined for one the services do not offer. */
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
