import en from './en.json';
import nl from './nl.json';

/** The languages of the intake form; Dutch first, the default. */
export const FORM_LANGUAGES = ['nl', 'en'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];
export type Translation = typeof nl;

const TRANSLATIONS: Record<FormLanguage, Translation> = { nl, en };

export function translation(language: FormLanguage): Translation {
  return TRANSLATIONS[language];
}
