import ar from './ar.json';
import en from './en.json';
import nl from './nl.json';
import pl from './pl.json';
import tr from './tr.json';

/** The languages of the intake page and form; Dutch first, the default when none is asked for. */
export const FORM_LANGUAGES = ['nl', 'en', 'pl', 'tr', 'ar'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];
export type Translation = typeof nl;

// Every language has every text of the Dutch one: the type says so at compile time, a test key by key.
const TRANSLATIONS: Record<FormLanguage, Translation> = { nl, en, pl, tr, ar };

export function translation(language: FormLanguage): Translation {
  return TRANSLATIONS[language];
}

export function isFormLanguage(value: string): value is FormLanguage {
  return (FORM_LANGUAGES as readonly string[]).includes(value);
}

/** The consent and privacy texts a reporter can accept, by version; the page offers the current one. */
export const CONSENT_VERSIONS = ['v1'] as const;
export const CURRENT_CONSENT_VERSION = 'v1';
export type ConsentVersion = (typeof CONSENT_VERSIONS)[number];

export function isConsentVersion(value: string): value is ConsentVersion {
  return (CONSENT_VERSIONS as readonly string[]).includes(value);
}
