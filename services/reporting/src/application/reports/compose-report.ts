import { protect } from '@vertrouwd/disclosure';
import type { ReportingFact } from '../../domain/facts/facts';
import type { LedgerEntry, PublishedContent } from '../../domain/reports/organisation-reports.events';
import { yearFigures, type ReportSchema } from './figures';
import { ledgerOver, storedLedger } from './ledger-over-sites';
import { reportContent, type ContentInput } from './report-content';

/** Everything a report is computed from: the facts up to the cut-off, the ledger before it, and the recorded inputs. */
export interface ComposeRequest {
  facts: readonly ReportingFact[];
  /** The schema a report being reproduced was published under; new reports take the current one. */
  schema?: ReportSchema;
  /** The version of the disclosure rules a report being reproduced was published under; new reports take the current. */
  algorithm?: string;
  k: number;
  ledger: readonly LedgerEntry[];
  content: Omit<ContentInput, 'figures' | 'protectedResult' | 'headcount'>;
  /** A publication also needs its ledger entries, as they are stored. */
  withLedgerEntries: boolean;
}

export interface ComposedReport {
  content: PublishedContent;
  /** As the publication stores them (null unless asked for). */
  ledgerEntries: LedgerEntry[] | null;
}

/**
 * A report from its inputs alone: the figures, disclosure control against the ledger, the canonical content. Pure and
 * deterministic (it may run on any thread: the same request gives the same report, byte for byte).
 */
export async function composeReport(request: ComposeRequest): Promise<ComposedReport> {
  const { year, publication } = request.content;
  const figures = yearFigures(request.facts, year, request.schema);
  const protectedResult = await protect({
    k: request.k,
    finestCells: figures.finestCounts,
    ledger: ledgerOver(figures, request.ledger),
    tables: figures.tables,
    publication: `${year}/${publication}`,
    ...(request.algorithm ? { algorithm: request.algorithm } : {}),
  });
  const headcount = request.facts.reduce<number | null>(
    (found, fact) => (fact.type === 'OrganisationRecorded' ? fact.headcount : found),
    null,
  );
  return {
    content: reportContent({ ...request.content, headcount, figures, protectedResult }),
    ledgerEntries: request.withLedgerEntries ? storedLedger(figures, protectedResult.ledgerEntries) : null,
  };
}
