export { oneLine, printable } from './document-text';
export { startPdfA, type PdfADocument, type PdfAOptions, type PdfAttachment } from './pdf-document';
export { frozenFont, primaryFont, textRuns, type FrozenFont, type TextRun, type Weight } from './pdf-fonts';
export { PdfWriter, type TextStyle } from './pdf-writer';
export { woffToSfnt } from './woff';
