import type { Font } from 'fontkit';
import { primaryFont, textRuns, type Weight } from './pdf-fonts';

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
    const { doc } = this;
    parent.add(doc.struct(type, {}, () => this.draw(text, x, y, style)));
    return doc.y - y;
  }

  heightOf(text: string, style: TextStyle): number {
    this.use(primaryFont(style.weight ?? 'regular'), style);
    return this.doc.heightOfString(text, { width: style.width });
  }

  rule(x1: number, x2: number, y: number): void {
    const { doc } = this;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor('#888888').stroke();
    doc.endMarkedContent();
  }

  private draw(text: string, x: number, y: number, style: TextStyle): void {
    const runs = textRuns(text, style.weight ?? 'regular');
    const options = { width: style.width, align: style.align ?? 'left', lineBreak: true };
    runs.forEach((run, i) => {
      this.use(run.font, style);
      const continued = i < runs.length - 1;
      if (i === 0) this.doc.text(run.text, x, y, { ...options, continued });
      else this.doc.text(run.text, { ...options, continued });
    });
  }

  private use(font: Font, style: TextStyle): void {
    this.doc.font(font as unknown as FontSource, `${font.postscriptName}-${fontKey(font)}`).fontSize(style.size ?? 9);
    // pdfkit shapes each word once per document; words repeat from invoice to invoice, so the shaped words are kept
    // per font for the process (a shaped word depends only on the font and the word).
    const embedded = (this.doc as unknown as { _font: { layoutCache?: object } })._font;
    embedded.layoutCache = sharedLayouts(font);
  }
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
