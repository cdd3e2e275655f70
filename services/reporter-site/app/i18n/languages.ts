import ar from './messages/ar.json';
import en from './messages/en.json';
import nl from './messages/nl.json';
import pl from './messages/pl.json';
import tr from './messages/tr.json';
import type { Language } from '@vertrouwd/web-kit';

// The languages themselves are the web services' shared ones (@vertrouwd/web-kit); the messages are the site's.
export * from '@vertrouwd/web-kit';

export type Messages = typeof nl;

// Every language has every message of the Dutch one: the type says so at compile time.
const MESSAGES: Record<Language, Messages> = { nl, en, pl, tr, ar };

export function messagesOf(language: Language): Messages {
  return MESSAGES[language];
}
