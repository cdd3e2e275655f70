import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff';

export type Weight = 'regular' | 'bold';

/**
 * Noto Sans (SIL OFL 1.1, from @fontsource/noto-sans) embedded in every PDF: PDF/A allows no font that is not
 * embedded. Fontsource splits the font by script, so a string is drawn in runs, each in the first subset that has
 * its characters (Latin, then Latin Extended, Greek, Cyrillic). The files are read and parsed once per process.
 */
const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
let loaded: Record<Weight, Font[]> | undefined;

function fonts(): Record<Weight, Font[]> {
  if (!loaded) {
    const files = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
    const load = (weight: number) =>
      SUBSETS.map((subset) => create(woffToSfnt(readFileSync(join(files, `noto-sans-${subset}-${weight}-normal.woff`)))) as Font);
    loaded = { regular: load(400), bold: load(700) };
  }
  return loaded;
}

export interface TextRun {
  font: Font;
  text: string;
}

/** The text split into runs of one font each; a character no subset has is drawn as `?`. */
export function textRuns(text: string, weight: Weight): TextRun[] {
  const candidates = fonts()[weight];
  const runs: TextRun[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const font = candidates.find((f) => f.hasGlyphForCodePoint(codePoint));
    const [use, shown] = font ? [font, char] : [candidates[0], '?'];
    const last = runs.at(-1);
    if (last?.font === use) last.text += shown;
    else runs.push({ font: use, text: shown });
  }
  return runs;
}

export function primaryFont(weight: Weight): Font {
  return fonts()[weight][0];
}
