import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface PdfReading {
  pages: number;
  /** The text as pdf.js extracts it, one string per line of the page. */
  lines: string[];
  attachments: { filename: string; description: string | null; content: Buffer }[];
  /** The document information dictionary (Title, Producer, CreationDate, …). */
  info: Record<string, unknown>;
  /** The XMP metadata packet, as stored. */
  xmp: string | null;
}

/**
 * What a PDF reader makes of a PDF: pdf.js (Mozilla's reader) extracts the text, the attachments and the metadata.
 * Test-only (pdfjs-dist is a dev dependency); it runs in a child Node process because pdf.js ships ES modules only.
 */
export async function readPdf(pdf: Buffer): Promise<PdfReading> {
  const child = spawn(process.execPath, [join(__dirname, 'read-pdf.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const exit = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.end(pdf);
  const code = await exit;
  if (code !== 0) throw new Error(`pdf.js could not read the PDF (exit ${code}): ${Buffer.concat(err).toString()}`);
  const reading = JSON.parse(Buffer.concat(out).toString('utf8')) as Omit<PdfReading, 'attachments'> & {
    attachments: { filename: string; description: string | null; content: string }[];
  };
  return {
    ...reading,
    attachments: reading.attachments.map((a) => ({ ...a, content: Buffer.from(a.content, 'base64') })),
  };
}
