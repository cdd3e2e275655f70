import { use } from 'react';
import { languageOf, type Language } from '@vertrouwd/web-kit';
import type { Messages } from './catalogue/nl.messages';

// The languages themselves are the web services' shared ones (@vertrouwd/web-kit); the messages are the portal's.
export * from '@vertrouwd/web-kit';
export type { Messages };

// The messages are kept in one file per language and area (the case page's work, the coordinator's screens, the
// employer's, auditor's and admin's, billing, the agency's administration), so screens grow without touching each other's
// files; each language's are one module (catalogue/), imported only when a page in that language needs them, so the
// browser fetches the page's language alone and never the others (ADR 0060).
const CATALOGUES: Record<Language, () => Promise<{ default: Messages }>> = {
  nl: () => import('./catalogue/nl.messages'),
  en: () => import('./catalogue/en.messages'),
  pl: () => import('./catalogue/pl.messages'),
  tr: () => import('./catalogue/tr.messages'),
  ar: () => import('./catalogue/ar.messages'),
};

const loading = new Map<Language, Promise<Messages>>();
const loaded = new Map<Language, Messages>();

/** A language's messages, imported once (in the browser: its own script, fetched the first time it is needed). */
export function loadMessages(language: Language): Promise<Messages> {
  let messages = loading.get(language);
  if (!messages) {
    messages = CATALOGUES[language]().then(({ default: catalogue }) => {
      loaded.set(language, catalogue);
      return catalogue;
    });
    loading.set(language, messages);
  }
  return messages;
}

/**
 * The language's messages for a render. They are at hand: the server loads every language's before it renders
 * (entry.server.tsx), the browser's entry the page's before it hydrates (entry.client.tsx), so hydration renders what
 * the server did. Only a page in another language reached without loading a document waits for them.
 */
export function useMessages(language: Language): Messages {
  return loaded.get(language) ?? use(loadMessages(language));
}

/** The page's language from its address; an address in a language the portal does not offer is not a page. */
export function pageLanguage(segment: string | undefined): Language {
  const language = languageOf(segment);
  if (!language) throw new Response(null, { status: 404 });
  return language;
}
