import { createIntl, createIntlCache, type IntlShape } from 'react-intl';

// react-intl's <IntlProvider> makes a new intl object on every render, and with it new formatters that parse each
// message again: on a server rendering every page that is most of a page's formatting work. The messages of a
// language never change while the process runs, so one intl object per language and messages is made once and
// shared by every render (<RawIntlProvider value={sharedIntl(…)}>), with one cache of parsed messages and formatters.

const cache = createIntlCache();
const made = new WeakMap<Record<string, string>, Map<string, IntlShape>>();

/** The intl object for a locale and its messages (the same object for the same messages), made once. */
export function sharedIntl(locale: string, messages: Record<string, string>, defaultLocale = 'nl'): IntlShape {
  let byLocale = made.get(messages);
  if (!byLocale) made.set(messages, (byLocale = new Map()));
  let intl = byLocale.get(locale);
  if (!intl) byLocale.set(locale, (intl = createIntl({ locale, messages, defaultLocale }, cache)));
  return intl;
}
