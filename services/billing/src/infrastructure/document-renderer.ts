import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { DocumentRenderer, RenderedDocument } from '../application/ports/document-renderer.port';
import type { InvoiceDocument } from '../domain/invoices/invoice-document';
import { renderBookkeepingCsv } from './documents/bookkeeping-csv';
import { RenderPool } from './documents/render-pool';

/**
 * The exports: UBL 2.1 by SI-UBL 2.0 and the PDF/A-3 that embeds it (rendered on a pool of worker threads), and the
 * bookkeeping CSV (docs/billing/e-invoices.md).
 */
@Injectable()
export class ExportsRenderer implements DocumentRenderer, OnApplicationShutdown {
  private readonly pool = new RenderPool();

  render(document: InvoiceDocument): Promise<RenderedDocument> {
    return this.pool.render(document);
  }

  bookkeepingCsv(documents: readonly InvoiceDocument[]): string {
    return renderBookkeepingCsv([...documents]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
