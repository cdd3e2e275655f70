import type { Font } from 'fontkit';
import { deflateSync } from 'node:zlib';
import { frozenFont, primaryFont, textRuns, type FrozenFont, type Weight } from './pdf-fonts';

export interface TextStyle {
  width: number;
  align?: 'left' | 'right';
  weight?: Weight;
  size?: number;
}

type Struct = PDFKit.PDFStructureElement;
/** pdfkit takes a parsed fontkit font as a font source; its types only list files and buffers. */
type FontSource = Parameters<PDFKit.PDFDocument['font']>[0];

/**
 * Draws tagged text on a pdfkit page: every string is the content of a structure element (PDF/A-3a needs a tagged
 * PDF), drawn in runs of the embedded fonts; lines are marked as artifacts, not content.
 */
export class PdfWriter {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** Adds a structure element of `type` holding `text` at (x, y); returns the height it took. */
  text(parent: Struct, type: string, text: string, x: number, y: number, style: TextStyle): number {
    let height = 0;
    parent.add(this.doc.struct(type, {}, () => (height = this.draw(text, x, y, style))));
    return height;
  }

  heightOf(text: string, style: TextStyle): number {
    this.use(primaryFont(style.weight ?? 'regular'), style);
    return this.doc.heightOfString(text, { width: style.width });
  }

  /**
   * Draws one line of text that is not content but page furniture (a running footer, a page number): marked as a
   * pagination artifact, so readers and screen readers skip it. Cut to `style.width` if longer; never wraps.
   */
  artifact(text: string, x: number, y: number, style: TextStyle): void {
    const { doc } = this;
    doc.markContent('Artifact', { type: 'Pagination' });
    let shown = text;
    while (shown.length > 1 && this.widthOf(shown, style) > style.width) shown = `${shown.slice(0, -2)}…`;
    let at = style.align === 'right' ? x + style.width - this.widthOf(shown, style) : x;
    for (const run of textRuns(shown, style.weight ?? 'regular')) {
      this.use(run.font, style);
      doc.text(run.text, at, y, { lineBreak: false });
      at += doc.widthOfString(run.text);
    }
    doc.endMarkedContent();
  }

  /** The width of one line of `text` in the style, across its font runs. */
  widthOf(text: string, style: TextStyle): number {
    return textRuns(text, style.weight ?? 'regular').reduce((sum, run) => {
      this.use(run.font, style);
      return sum + this.doc.widthOfString(run.text);
    }, 0);
  }

  rule(x1: number, x2: number, y: number): void {
    const { doc } = this;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor('#888888').stroke();
    doc.endMarkedContent();
  }

  /** Draws the text and returns the height it took. */
  private draw(text: string, x: number, y: number, style: TextStyle): number {
    const { doc } = this;
    const runs = textRuns(text, style.weight ?? 'regular');
    if (runs.length === 1) {
      // One font and one line (most strings): placed directly, without pdfkit's line wrapper, which costs more.
      this.use(runs[0].font, style);
      const width = doc.widthOfString(runs[0].text);
      if (width <= style.width) {
        doc.text(runs[0].text, style.align === 'right' ? x + style.width - width : x, y, { lineBreak: false });
        return doc.currentLineHeight(true);
      }
    }
    const options = { width: style.width, align: style.align ?? 'left', lineBreak: true };
    runs.forEach((run, i) => {
      this.use(run.font, style);
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(run.text, x, y, { ...options, continued });
      else doc.text(run.text, { ...options, continued });
    });
    return doc.y - y;
  }

  private use(font: Font, style: TextStyle): void {
    this.doc.font(font as unknown as FontSource, `${font.postscriptName}-${fontKey(font)}`).fontSize(style.size ?? 9);
    // pdfkit shapes each word once per document; words repeat from invoice to invoice, so the shaped words are kept
    // per font for the process (a shaped word depends only on the font and the word).
    const embedded = (this.doc as unknown as { _font: EmbeddedFont })._font;
    if (embedded.prepared) return;
    embedded.prepared = true;
    embedded.layoutCache = sharedLayouts(font);
    const whole = frozenFont(font);
    if (whole) embedWhole(embedded, whole);
  }
}

/** The parts of pdfkit's EmbeddedFont (internal) that `embedWhole` replaces. */
interface PdfRef {
  data: Record<string, unknown>;
  compress: boolean;
  end(chunk?: string | Uint8Array): void;
}
interface EmbeddedFont {
  prepared?: boolean;
  layoutCache?: object;
  subset: { includeGlyph(gid: number): number; encode(): Uint8Array; cff?: unknown };
  widths: number[];
  unicode: (number[] | undefined)[];
  embed: (this: EmbeddedFont) => void;
  toUnicodeCmap: (this: EmbeddedFont) => PdfRef;
  document: { ref: (this: unknown, data?: object) => PdfRef };
}

/**
 * Makes pdfkit embed the whole (small) font file, deflated once per process, instead of a subset built and deflated
 * for every PDF: glyph ids stay the font's own and the widths come precomputed. The ToUnicode map is the font's own,
 * also deflated once, unless a glyph without a code point of its own (a ligature such as "fi") was drawn: then
 * pdfkit writes the map it completed while drawing. Relies on pdfkit 0.20.2's EmbeddedFont, whose `embed()` creates
 * the font file stream first; the PDF tests pin what comes out.
 */
function embedWhole(embedded: EmbeddedFont, whole: FrozenFont): void {
  embedded.subset = { includeGlyph: (gid) => gid, encode: () => whole.deflated, cff: null };
  embedded.widths = whole.widths.slice();
  embedded.unicode = whole.unicode.slice();
  const { embed, toUnicodeCmap } = embedded;
  let ownMap = true;
  embedded.toUnicodeCmap = function (this: EmbeddedFont) {
    if (!ownMap) return toUnicodeCmap.call(this);
    const cmap = this.document.ref({ Filter: 'FlateDecode' });
    cmap.compress = false;
    cmap.end((whole.deflatedToUnicode ??= deflateSync(cmapText(this, toUnicodeCmap))));
    return cmap;
  };
  embedded.embed = function (this: EmbeddedFont) {
    ownMap = this.unicode.length === whole.unicode.length && this.unicode.every((u, gid) => u === whole.unicode[gid]);
    for (let gid = 0; gid < this.unicode.length; gid++) this.unicode[gid] ??= [0xfffd];
    const { document } = this;
    const ref = document.ref;
    document.ref = (data) => {
      document.ref = ref;
      const fontFile = ref.call(document, data);
      Object.assign(fontFile.data, { Filter: 'FlateDecode', Length1: whole.length });
      fontFile.compress = false;
      return fontFile;
    };
    embed.call(this);
  };
}

/** The ToUnicode CMap as pdfkit writes it for a font's completed map (`this.unicode`, no holes). */
function cmapText(embedded: EmbeddedFont, toUnicodeCmap: EmbeddedFont['toUnicodeCmap']): Buffer {
  let text = '';
  const capture: PdfRef = { data: {}, compress: false, end: (chunk) => (text = String(chunk)) };
  toUnicodeCmap.call({ ...embedded, document: { ref: () => capture } });
  return Buffer.from(`${text}\n`, 'latin1');
}

const layouts = new Map<Font, object>();
let uses = 0;
/** Amounts and names make new words all the time: the cache starts afresh once it holds many. */
function sharedLayouts(font: Font): object {
  if (++uses % 10_000 === 0) {
    for (const [f, cache] of layouts) if (Object.keys(cache).length > 20_000) layouts.delete(f);
  }
  if (!layouts.has(font)) layouts.set(font, Object.create(null) as object);
  return layouts.get(font)!;
}

const keys = new Map<Font, number>();
/** A stable name per parsed font: the subsets of one weight share a PostScript name. */
function fontKey(font: Font): number {
  if (!keys.has(font)) keys.set(font, keys.size);
  return keys.get(font)!;
}
