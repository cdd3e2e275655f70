import PDFDocument from 'pdfkit';
import { PdfWriter } from './pdf-writer';

type Struct = PDFKit.PDFStructureElement;

export interface PdfAOptions {
  /** The document's title (info dictionary and XMP; shown by readers instead of the file name). */
  title: string;
  language: 'nl' | 'en';
  /**
   * The one date the document carries (creation and modification, info and XMP): a date the content fixes, such as
   * the issue or publication day, never the time of rendering.
   */
  date: Date;
  /** The file identifier (16 bytes), derived from what the document says; pdfkit's own depends on the info only. */
  fileId: Uint8Array;
  margin: number;
  producer: string;
}

/** A file embedded in the PDF/A-3 as an associated file (e.g. the UBL of an invoice). */
export interface PdfAttachment {
  content: Buffer;
  name: string;
  type: string;
  relationship: 'Alternative' | 'Data' | 'Source' | 'Supplement' | 'Unspecified';
  description: string;
}

export interface PdfADocument {
  pdf: PDFKit.PDFDocument;
  writer: PdfWriter;
  /** The structure tree's root (`Document`): every drawn string is tagged under it. */
  root: Struct;
  /** Closes the structure tree, embeds the attachments and ends the document: its bytes. */
  end(attachments?: readonly PdfAttachment[]): Promise<Buffer>;
}

/**
 * Starts an A4 PDF/A-3a document, tagged, in the given language, with no default font (PDF/A allows none that is not
 * embedded: draw through `writer`, which embeds Noto Sans), whose bytes depend only on what is drawn and on the
 * options: the dates are `date`, the file identifier is `fileId`. Same content, same bytes.
 */
export function startPdfA(options: PdfAOptions): PdfADocument {
  const { date } = options;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: options.margin,
    pdfVersion: '1.7',
    subset: 'PDF/A-3a',
    tagged: true,
    lang: options.language === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica, a font PDF/A does not allow unembedded.
    font: null as unknown as string,
    info: { Title: options.title, Creator: options.producer, Producer: options.producer, CreationDate: date, ModDate: date },
  });
  // pdfkit derives the file identifier from the info dictionary: the same for two documents of one day and title.
  (pdf as unknown as { _id: Uint8Array })._id = options.fileId;
  pdf.appendXML(
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${date.toISOString().split('.')[0]}Z</xmp:ModifyDate></rdf:Description>`,
  );
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  return {
    pdf,
    writer: new PdfWriter(pdf),
    root,
    end(attachments = []) {
      root.end();
      for (const a of attachments) {
        (pdf as unknown as { file(src: Buffer, options: object): void }).file(a.content, {
          name: a.name,
          type: a.type,
          relationship: a.relationship,
          description: a.description,
          creationDate: date,
          modifiedDate: date,
        });
      }
      pdf.end();
      return done;
    },
  };
}
