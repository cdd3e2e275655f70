import type { StoredDocument, SubscriptionRow } from '../../application/ports/billing-reads.port';
import type { RenderedDocument } from '../../application/ports/document-renderer.port';
import type { PriceListVersion } from '../../domain/pricing/price-list';
import type { IssuedDocumentView, PriceListView, SubscriptionView } from './billing.responses.dto';

/** What a response writes to: the platform's HTTP reply (Express today), only the calls used here. */
export interface ExportReply {
  setHeader(name: string, value: string): unknown;
  end(body: string | Buffer): unknown;
}

export function priceListView(prices: PriceListVersion): PriceListView {
  return {
    ...prices,
    bands: prices.bands.map(({ includedMinutesPerYear, ...band }) => ({ ...band, includedHoursPerYear: includedMinutesPerYear / 60 })),
  };
}

export function subscriptionView(row: SubscriptionRow): SubscriptionView {
  return {
    organisationId: row.organisationId,
    startsOn: row.startsOn,
    endsOn: row.endsOn ?? null,
    address: row.terms.address,
    buyerReference: row.terms.buyerReference,
    language: row.terms.language,
    ...(row.version !== undefined ? { version: row.version } : {}),
  };
}

export function documentView(stored: StoredDocument): IssuedDocumentView {
  return { ...stored.document, digests: stored.digests };
}

/** Sends an export with its digest, so a client can check it against the one recorded at issue. */
export function sendExport(
  res: ExportReply,
  rendered: RenderedDocument & { digests: { ubl: string; pdf: string } },
  kind: 'pdf' | 'ubl',
  number: string,
): void {
  const pdf = kind === 'pdf';
  res.setHeader('Content-Type', pdf ? 'application/pdf' : 'application/xml; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${number}.${pdf ? 'pdf' : 'xml'}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(pdf ? rendered.digests.pdf : rendered.digests.ubl, 'hex').toString('base64')}:`);
  res.end(pdf ? rendered.pdf : rendered.ubl);
}
