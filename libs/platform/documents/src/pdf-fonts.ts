import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
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
      SUBSETS.map((subset) => {
        const woff = readFileSync(join(files, `noto-sans-${subset}-${weight}-normal.woff`));
        // Without GSUB: no ligatures. fontkit gives a ligature glyph ("fi") no code points, so pdfkit maps it to
        // nothing and the text could not be searched or copied; every glyph drawn is then one character's.
        const font = create(woffToSfnt(woff, (tag) => tag !== 'GSUB')) as Font;
        woffs.set(font, woff);
        return font;
      });
    loaded = { regular: load(400), bold: load(700) };
  }
  return loaded;
}

const woffs = new Map<Font, Buffer>();

/** A font file embedded whole in every PDF that uses it, prepared once per process (see `frozenFont`). */
export interface FrozenFont {
  /** The TrueType file without the layout tables a PDF never reads, deflated. */
  deflated: Buffer;
  /** Its length before deflating (the font stream's `Length1`). */
  length: number;
  /** Advance width of every glyph, in 1/1000 em, by glyph id. */
  widths: number[];
  /** The code points each glyph stands for (the smallest one mapped to it), by glyph id; none for unmapped glyphs. */
  unicode: (number[] | undefined)[];
  /** The ToUnicode CMap stream for `unicode`, deflated; made by the first PDF that needs it. */
  deflatedToUnicode?: Buffer;
}

const frozen = new Map<Font, FrozenFont | null>();
/** Tables a PDF reader uses from an embedded TrueType font; GSUB/GPOS/GDEF (shaping) were applied when laying out. */
const PDF_TABLES = new Set(['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'post', 'OS/2', 'name', 'cvt ', 'fpgm', 'prep']);
const MAX_FROZEN_GLYPHS = 400;

/**
 * Subsetting a font for each PDF cost about half of rendering an invoice. The fontsource files are already small
 * subsets (Latin: 281 glyphs, 17 kB deflated), so the ones with at most 400 glyphs are embedded whole, deflated once
 * per process; a PDF then copies the bytes. Latin Extended (1,398 glyphs) is subset per PDF as pdfkit does, as it
 * is rarely used. `null`: subset this one per PDF.
 */
export function frozenFont(font: Font): FrozenFont | null {
  if (!frozen.has(font)) frozen.set(font, freeze(font));
  return frozen.get(font)!;
}

function freeze(font: Font): FrozenFont | null {
  const woff = woffs.get(font);
  if (!woff || font.numGlyphs > MAX_FROZEN_GLYPHS) return null;
  const file = woffToSfnt(woff, (tag) => PDF_TABLES.has(tag));
  const scale = 1000 / font.unitsPerEm;
  const widths = Array.from({ length: font.numGlyphs }, (_, gid) => font.getGlyph(gid).advanceWidth * scale);
  const unicode: (number[] | undefined)[] = [[0]];
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    const gid = font.glyphForCodePoint(codePoint).id;
    unicode[gid] ??= [codePoint];
  }
  return { deflated: deflateSync(file), length: file.length, widths, unicode };
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
