import ar from './messages/ar.json';
import en from './messages/en.json';
import nl from './messages/nl.json';
import pl from './messages/pl.json';
import tr from './messages/tr.json';
import caseworkAr from './messages/casework/ar.json';
import caseworkEn from './messages/casework/en.json';
import caseworkNl from './messages/casework/nl.json';
import caseworkPl from './messages/casework/pl.json';
import caseworkTr from './messages/casework/tr.json';
import coordinatorAr from './messages/coordinator/ar.json';
import coordinatorEn from './messages/coordinator/en.json';
import coordinatorNl from './messages/coordinator/nl.json';
import coordinatorPl from './messages/coordinator/pl.json';
import coordinatorTr from './messages/coordinator/tr.json';
import oversightAr from './messages/oversight/ar.json';
import oversightEn from './messages/oversight/en.json';
import oversightNl from './messages/oversight/nl.json';
import oversightPl from './messages/oversight/pl.json';
import oversightTr from './messages/oversight/tr.json';
import billingAr from './messages/billing/ar.json';
import billingEn from './messages/billing/en.json';
import billingNl from './messages/billing/nl.json';
import billingPl from './messages/billing/pl.json';
import billingTr from './messages/billing/tr.json';
import administrationAr from './messages/administration/ar.json';
import administrationEn from './messages/administration/en.json';
import administrationNl from './messages/administration/nl.json';
import administrationPl from './messages/administration/pl.json';
import administrationTr from './messages/administration/tr.json';
import { languageOf, type Language } from '@vertrouwd/web-kit';

// The languages themselves are the web services' shared ones (@vertrouwd/web-kit); the messages are the portal's.
export * from '@vertrouwd/web-kit';

// The messages are kept in one file per language and area (the case page's work, the coordinator's screens, the
// employer's, auditor's and admin's, billing, the agency's administration), so screens grow without touching each other's
// files.
const NL = { ...nl, ...caseworkNl, ...coordinatorNl, ...oversightNl, ...billingNl, ...administrationNl };
export type Messages = typeof NL;

// Every language has every message of the Dutch one: the type says so at compile time.
const MESSAGES: Record<Language, Messages> = {
  nl: NL,
  en: { ...en, ...caseworkEn, ...coordinatorEn, ...oversightEn, ...billingEn, ...administrationEn },
  pl: { ...pl, ...caseworkPl, ...coordinatorPl, ...oversightPl, ...billingPl, ...administrationPl },
  tr: { ...tr, ...caseworkTr, ...coordinatorTr, ...oversightTr, ...billingTr, ...administrationTr },
  ar: { ...ar, ...caseworkAr, ...coordinatorAr, ...oversightAr, ...billingAr, ...administrationAr },
};

export function messagesOf(language: Language): Messages {
  return MESSAGES[language];
}

/** The page's language from its address; an address in a language the portal does not offer is not a page. */
export function pageLanguage(segment: string | undefined): Language {
  const language = languageOf(segment);
  if (!language) throw new Response(null, { status: 404 });
  return language;
}
