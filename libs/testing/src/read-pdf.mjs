// Reads a PDF from standard input with Mozilla's pdf.js and prints what a reader sees as JSON: the text per line,
// the attachments, the document info and the XMP metadata. pdf.js ships ES modules only, so it runs in its own
// Node process rather than inside Jest (see pdf-reader.ts).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const pdf = await getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
const lines = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  let line = '';
  for (const item of (await page.getTextContent()).items) {
    line += item.str ?? '';
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
}
const attachments = [];
for (const [id, a] of (await pdf.getAttachments()) ?? new Map()) {
  const content = await pdf.getAttachmentContent(id);
  attachments.push({ filename: a.filename, description: a.description ?? null, content: Buffer.from(content).toString('base64') });
}
const { info, metadata } = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages: pdf.numPages, lines, attachments, info, xmp: metadata?.getRaw() ?? null }));
