import { createIntl, createIntlCache, type IntlShape } from 'react-intl';

// react-intl's <IntlProvider> makes a new intl object on every render, and with it new formatters that parse each
// message again: on a server rendering every page that is most of a page's formatting work. The messages of a
// language never change while the process runs, so one intl object per language and messages is made once and
// shared by every render (<RawIntlProvider value={sharedIntl(…)}>), with one cache of parsed messages and formatters.

const cache = createIntlCache();
const made = new WeakMap<Record<string, string>, Map<string, IntlShape>>();
const reported = new Set<string>();

/**
 * A message the page asked for that is missing or cannot be formatted: said once per message and kind in the
 * service's log, by its id and react-intl's code only (never the values, which may be what a user typed). In
 * production react-intl says nothing, and the page shows the id in its place.
 */
export function reportIntlError(error: { code: string; descriptor?: { id?: unknown } }, log: (line: string) => void = console.error): void {
  const id = typeof error.descriptor?.id === 'string' ? error.descriptor.id : '(none)';
  const key = `${error.code} ${id}`;
  if (reported.has(key)) return;
  reported.add(key);
  log(`intl: ${error.code} for message ${id}`);
}

/** The intl object for a locale and its messages (the same object for the same messages), made once. */
export function sharedIntl(locale: string, messages: Record<string, string>, defaultLocale = 'nl'): IntlShape {
  let byLocale = made.get(messages);
  if (!byLocale) made.set(messages, (byLocale = new Map<string, IntlShape>()));
  let intl = byLocale.get(locale);
  if (!intl) byLocale.set(locale, (intl = createIntl({ locale, messages, defaultLocale, onError: reportIntlError }, cache)));
  return intl;
}
