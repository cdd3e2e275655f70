import { isLanguage } from './languages';

/**
 * The most preferred language of an `Accept-Language` header that the portal speaks, by its quality (RFC 9110,
 * 12.5.4: `q` from 0 to 1, 1 when absent; 0 means "not this one"), the header's order breaking ties.
 */
export function preferredLanguage(header: string | null): string | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((entry, order) => {
      const [tag, ...parameters] = entry.split(';').map((part) => part.trim());
      const q = parameters.find((p) => /^q=/i.test(p));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { language: (tag ?? '').slice(0, 2).toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((entry) => entry.quality > 0 && isLanguage(entry.language))
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked[0]?.language;
}
