/**
 * The counsellor's text for the board and the works council is meant for publication. Before it is published it is
 * checked for what could point at a person: a name-like string, or a number below the threshold ("two colleagues").
 * The check warns (the counsellor decides); a warning names the kind and the position, never the text.
 */
export interface NarrativeWarning {
  field: 'signals' | 'advice';
  rule: 'name-like' | 'small-number';
  /** Character offset in the field. */
  at: number;
}

const NUMBER_WORDS: Record<string, number> = {
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
/** Words that start with a capital inside a sentence without being a name (months, days, institutions). */
const NOT_NAMES = new Set(
  (
    'Januari Februari Maart April Mei Juni Juli Augustus September Oktober November December January February March May June July August October ' +
    'Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'HR OR MT CAO Arbowet Wbk Huis Klokkenluiders Inspectie SZW Nederland Dutch English'
  ).split(' '),
);

export function narrativeWarnings(texts: { signals: string; advice: string }, k: number): NarrativeWarning[] {
  const warnings: NarrativeWarning[] = [];
  for (const field of ['signals', 'advice'] as const) {
    const text = texts[field];
    for (const match of text.matchAll(/\b\d+\b/g)) {
      const n = Number(match[0]);
      if (n > 0 && n < k) warnings.push({ field, rule: 'small-number', at: match.index });
    }
    for (const match of text.matchAll(/\p{L}+/gu)) {
      const word = match[0];
      const n = NUMBER_WORDS[word.toLowerCase()];
      if (n !== undefined && n < k && !(n === 1 && /^(een|one)$/i.test(word)))
        warnings.push({ field, rule: 'small-number', at: match.index });
    }
    // Capitalised words that are not known non-names, the one that starts a sentence aside (grammar, not a name).
    // A name that opens a sentence on its own is missed: the check warns, it does not prove.
    for (const match of text.matchAll(/\p{Lu}\p{Ll}+(?:\s+(?:van|de|der|den|ter|te|el|al|bin)?\s*\p{Lu}\p{Ll}+)*/gu)) {
      const before = text.slice(0, match.index).trimEnd();
      const startsSentence = before === '' || /[.!?:;]$/.test(before);
      const words = match[0].split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
      const names = words.filter((w, i) => !NOT_NAMES.has(w) && !(startsSentence && i === 0));
      if (names.length > 0) warnings.push({ field, rule: 'name-like', at: match.index });
    }
  }
  return warnings.sort((a, b) => (a.field === b.field ? a.at - b.at : a.field < b.field ? -1 : 1));
}
