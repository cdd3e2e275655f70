// A worker thread of the render pool: renders UBL and PDF for the documents it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { renderInvoicePdf } from './invoice-pdf';
import { renderUbl } from './ubl';

parentPort?.on('message', (message: { id: number; document: InvoiceDocument }) => {
  void (async () => {
    try {
      const ubl = renderUbl(message.document);
      const pdf = await renderInvoicePdf(message.document, ubl);
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      parentPort?.postMessage({ id: message.id, ubl, pdf: bytes }, [bytes.buffer]);
    } catch (error) {
      parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
