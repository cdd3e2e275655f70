import { Aggregate, type Evolution } from '@vertrouwd/domain';
import { narrativeWarnings, type NarrativeWarning } from './narrative';
import type { LedgerEntry, OrganisationReportsEvent, PublishedContent } from './organisation-reports.events';
import { ReportNotFoundError, YearNotOverError } from './reports.errors';

export interface Publication {
  year: number;
  publication: number;
  content: PublishedContent;
  digest: string;
  signature: string;
  ledgerEntries: LedgerEntry[];
}

export interface OrganisationReportsState {
  organisationId: string;
  agencyId: string | undefined;
  narratives: Map<number, { signals: string; advice: string; warnings: NarrativeWarning[] }>;
  publications: Publication[];
}

const evolution: Evolution<OrganisationReportsState, OrganisationReportsEvent> = {
  ReportsOpened: (state, { organisationId, agencyId }) => ({ ...state, organisationId, agencyId }),
  NarrativeWritten: (state, { year, signals, advice, warnings }) => ({
    ...state,
    narratives: new Map(state.narratives).set(year, { signals, advice, warnings }),
  }),
  'ReportPublished.v2': (state, { year, publication, content, digest, signature, ledgerEntries }) => ({
    ...state,
    publications: [...state.publications, { year, publication, content, digest, signature, ledgerEntries }],
  }),
};

/**
 * An organisation's annual reports (stream `reports-<organisationId>`): the counsellor's narrative per year and every
 * publication, in order. The publications' ledger entries are the organisation's publication ledger: a new
 * publication is protected against all of them (consistent suppression), and the stream's expected version makes
 * two publications at once impossible.
 */
export class OrganisationReports extends Aggregate<OrganisationReportsEvent, OrganisationReportsState> {
  constructor() {
    super({ organisationId: '', agencyId: undefined, narratives: new Map(), publications: [] }, evolution);
  }

  get id(): string {
    return this.state.organisationId;
  }

  open(organisationId: string, agencyId: string, at: Date): void {
    if (this.state.agencyId === undefined) this.apply({ type: 'ReportsOpened', organisationId, agencyId, at: at.toISOString() });
  }

  /** Writes the year's narrative; answers the warnings (names, small numbers), which never block. */
  writeNarrative(year: number, texts: { signals: string; advice: string }, k: number, at: Date): NarrativeWarning[] {
    const warnings = narrativeWarnings(texts, k);
    this.apply({ type: 'NarrativeWritten', year, ...texts, warnings, at: at.toISOString() });
    return warnings;
  }

  narrative(year: number): { signals: string; advice: string } {
    const found = this.state.narratives.get(year);
    return found ? { signals: found.signals, advice: found.advice } : { signals: '', advice: '' };
  }

  /**
   * Every ledger entry published before publication `before` (all of them when omitted), each with the k its
   * publication was protected at: a cell keeps that threshold when the agency's k changes later (ADR 0063).
   */
  ledger(before = Number.POSITIVE_INFINITY): LedgerEntry[] {
    return this.state.publications
      .filter((p) => p.publication < before)
      .flatMap((p) => p.ledgerEntries.map((entry) => ({ ...entry, k: p.content.k })));
  }

  nextPublication(): number {
    return this.state.publications.length + 1;
  }

  publish(p: Publication, today: string, at: Date): void {
    if (Number(today.slice(0, 4)) <= p.year) throw new YearNotOverError();
    this.apply({ type: 'ReportPublished.v2', ...p, at: at.toISOString() });
  }

  publication(year: number, publication?: number): Publication {
    const ofYear = this.state.publications.filter((p) => p.year === year);
    const found = publication === undefined ? ofYear.at(-1) : ofYear.find((p) => p.publication === publication);
    if (!found) throw new ReportNotFoundError();
    return found;
  }
}
