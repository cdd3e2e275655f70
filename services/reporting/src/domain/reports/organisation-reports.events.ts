import type { NarrativeWarning } from './narrative';

/**
 * One published cell as the organisation's publication ledger keeps it (read back as the shape `@vertrouwd/disclosure`
 * takes by `ledgerOver`: domain code does not import that library). Its finest cells are stored one of two ways:
 * listed (`cells`, sorted), as every publication before ADR 0056 stored them; or, when they are every combination
 * of some values of the `|`-separated fields of their ids, as that product (`product`: per field, its values in
 * code-unit order), a few dozen values where an annual report's cell lists thousands of ids. Both mean the same
 * finest cells.
 */
export interface LedgerEntry {
  readonly publication: string;
  readonly table: string;
  readonly key: string;
  readonly cells?: readonly string[];
  readonly product?: readonly (readonly string[])[];
  readonly value: number | null;
  readonly reason: 'primary' | 'secondary' | 'interval' | 'ledger' | 'protected' | null;
  /** Not stored: the k of the publication it belongs to, added when the ledger is read (ADR 0063). */
  readonly k?: number;
}

/** The published report as signed: canonicalised (RFC 8785), its SHA-256 signed with the service's Ed25519 key. */
export interface PublishedContent {
  /** `/2` has the site in its finest cells and a `by-site` table (ADR 0047); `/1` was published before. */
  schema: 'vertrouwd.annual-report/1' | 'vertrouwd.annual-report/2';
  organisationId: string;
  year: number;
  publication: number;
  publishedOn: string;
  k: number;
  algorithm: string;
  /** The version of the organisation's facts stream the figures were computed from: the report's cut-off. */
  factsVersion: number;
  headcount: number | null;
  tables: { id: string; cells: { key: string; value: number | null; reason: string | null }[] }[];
  hours: { activitiesMinutes: number; caseWorkMinutes: number | null };
  activities: { kind: string; count: number; minutes: number }[];
  trend: { thisYear: number | null; lastYear: number | null; direction: 'up' | 'down' | 'same' | null };
  visibility: {
    low: boolean;
    suggestions: string[];
    agencyReportsPer100: string | null;
    /** The sector's benchmark beside the agency's (ADR 0035); absent in reports published before it. */
    sector?: { section: string | null; reportsPer100: string | null };
  };
  narrative: { signals: string; advice: string };
}

export type OrganisationReportsEvent =
  | { type: 'ReportsOpened'; organisationId: string; agencyId: string; at: string }
  | { type: 'NarrativeWritten'; year: number; signals: string; advice: string; warnings: NarrativeWarning[]; at: string }
  | {
      /** `ReportPublished` (before ADR 0056: every entry's cells listed) is read as this by an upcaster. */
      type: 'ReportPublished.v2';
      year: number;
      publication: number;
      content: PublishedContent;
      digest: string;
      signature: string;
      ledgerEntries: LedgerEntry[];
      at: string;
    };
