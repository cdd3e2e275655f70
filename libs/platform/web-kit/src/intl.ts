import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';

// react-intl's <IntlProvider> makes a new intl object on every render, and with it new formatters that parse each
// message again: on a server rendering every page that is most of a page's formatting work. The messages of a
// language never change while the process runs, so one intl object per language and messages is made once and
// shared by every render (<RawIntlProvider value={sharedIntl(…)}>), with one cache of parsed messages and formatters.
// Most messages are plain text (no argument, plural or tag): those are handed to react-intl already parsed, as one
// literal, which it returns as it is; the others go through its formatter, cached by the message's text.

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

/**
 * The messages with every plain-text one parsed (a single literal: react-intl's fast path, which formats nothing);
 * a message with arguments, plurals or tags stays text, and one that does not parse too, so that react-intl reports
 * it when a page asks for it.
 */
export function withPlainTextParsed(messages: Record<string, string>): Record<string, string | MessageFormatElement[]> {
  const prepared: Record<string, string | MessageFormatElement[]> = {};
  for (const [id, text] of Object.entries(messages)) {
    let parsed: MessageFormatElement[] | undefined;
    try {
      parsed = parse(text);
    } catch {
      parsed = undefined;
    }
    prepared[id] = parsed?.length === 1 && parsed[0].type === TYPE.literal ? parsed : text;
  }
  return prepared;
}

/** The intl object for a locale and its messages (the same object for the same messages), made once. */
export function sharedIntl(locale: string, messages: Record<string, string>, defaultLocale = 'nl'): IntlShape {
  let byLocale = made.get(messages);
  if (!byLocale) made.set(messages, (byLocale = new Map<string, IntlShape>()));
  let intl = byLocale.get(locale);
  if (!intl) {
    // react-intl takes text and parsed messages alike (its type says one or the other).
    const prepared = withPlainTextParsed(messages) as Record<string, string>;
    byLocale.set(locale, (intl = createIntl({ locale, messages: prepared, defaultLocale, onError: reportIntlError }, cache)));
  }
  return intl;
}
