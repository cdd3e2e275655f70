import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { WrongExpectedVersionError } from '@vertrouwd/event-sourcing';
import { metadataOf, type CommandContext } from '@vertrouwd/service-kit';
import type { NarrativeWarning } from '../../domain/reports/narrative';
import { OrganisationReports, type Publication } from '../../domain/reports/organisation-reports.aggregate';
import type { PublishedContent } from '../../domain/reports/organisation-reports.events';
import { OtherAgencyError, PublicationRaceError, ReportNotFoundError } from '../../domain/reports/reports.errors';
import { REPORT_COMPOSER, type ReportComposer } from '../ports/report-composer.port';
import { REPORTING_READS, REPORT_SIGNER, type ReportingReads, type ReportSigner } from '../ports/reporting-reads.port';
import { FactsJournal, ReportsRepository } from '../reporting.repositories';
import { BenchmarksService } from '../benchmarks/benchmarks.service';
import { REPORT_LABELS, type ReportAudience, type ReportLanguage } from './report-labels';
import { renderReportPdf } from './report-pdf';

export const DEFAULT_K = 5;

/** A publication's PDF: the bytes, their SHA-256 (hex) and the file name. */
export interface RenderedReport {
  pdf: Buffer;
  digest: string;
  fileName: string;
}

export interface Reproduction {
  organisationId: string;
  year: number;
  publication: number;
  publishedDigest: string;
  reproducedDigest: string;
  same: boolean;
  /** What differs, cell by cell and field by field, when the digests do not match. */
  differences: { path: string; published: unknown; reproduced: unknown }[];
  /** Events after the cut-off the reproduction left out (late events: a reopened case, hours logged later). */
  factsAfterCutOff: number;
}

/** The public key that verifies published reports, and what exactly it verifies: anyone may fetch it. */
export interface ReportSigningKeys {
  /** The key as a JWK set (RFC 7517/8037): one Ed25519 key, its `kid` the start of the SHA-256 of its SPKI. */
  keys: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; alg: 'EdDSA'; use: 'sig' }[];
  /** The same key as PEM (SPKI). */
  pem: string;
  /** What is signed, and how the signature is written. */
  signature: { algorithm: 'Ed25519'; message: string; encoding: 'base64'; digest: string };
}

const digestOf = (content: PublishedContent) =>
  createHash('sha256')
    .update(canonicalize(content) ?? '')
    .digest('hex');

/**
 * Annual reports: a draft computed from the facts, the counsellor's narrative, publication (figures frozen at the
 * facts' version, disclosure control against everything published before, canonical content signed), the published
 * report, and its reproduction from the event history alone.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly journal: FactsJournal,
    @Inject(REPORTING_READS) private readonly reads: ReportingReads,
    @Inject(REPORT_SIGNER) private readonly signer: ReportSigner,
    private readonly benchmarks: BenchmarksService,
    @Inject(REPORT_COMPOSER) private readonly composer: ReportComposer,
  ) {}

  /** The public key that verifies every published report's signature (the key the reports are signed with). */
  async signingKeys(): Promise<ReportSigningKeys> {
    const key = await this.signer.publicKey();
    const { x } = key.export({ format: 'jwk' });
    const kid = createHash('sha256')
      .update(key.export({ format: 'der', type: 'spki' }))
      .digest('hex')
      .slice(0, 16);
    return {
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: x ?? '', kid, alg: 'EdDSA', use: 'sig' }],
      pem: key.export({ format: 'pem', type: 'spki' }).toString(),
      signature: {
        algorithm: 'Ed25519',
        message: "the publication's digest as 32 bytes (its hex decoded)",
        encoding: 'base64',
        digest: "SHA-256, hex, of the publication's content as RFC 8785 canonical JSON, without its digest and signature",
      },
    };
  }

  /** Refuses an organisation that is not the agency's (404: the caller must not learn it exists). */
  async assertOwned(agencyId: string, organisationId: string): Promise<void> {
    if ((await this.reads.agencyOf(organisationId)) !== agencyId) throw new OtherAgencyError();
  }

  private async owned(agencyId: string, organisationId: string): Promise<OrganisationReports> {
    if ((await this.reads.agencyOf(organisationId)) !== agencyId) throw new OtherAgencyError();
    const reports = (await this.reports.load(organisationId)) ?? new OrganisationReports();
    reports.open(organisationId, agencyId, new Date());
    return reports;
  }

  /** What publishing now would publish (not recorded, not signed): the figures as protected against the ledger. */
  async draft(agencyId: string, organisationId: string, year: number, today: string): Promise<PublishedContent> {
    const reports = await this.owned(agencyId, organisationId);
    return (await this.compose(reports, organisationId, year, reports.nextPublication(), today)).content;
  }

  async writeNarrative(
    agencyId: string,
    organisationId: string,
    year: number,
    texts: { signals: string; advice: string },
    context: CommandContext,
  ): Promise<NarrativeWarning[]> {
    const reports = await this.owned(agencyId, organisationId);
    const warnings = reports.writeNarrative(year, texts, await this.kOf(agencyId), new Date());
    await this.reports.save(reports, metadataOf(context));
    return warnings;
  }

  async publish(agencyId: string, organisationId: string, year: number, today: string, context: CommandContext): Promise<Publication> {
    const reports = await this.owned(agencyId, organisationId);
    const composed = await this.compose(reports, organisationId, year, reports.nextPublication(), today, true);
    const digest = digestOf(composed.content);
    const publication: Publication = {
      year,
      publication: composed.content.publication,
      content: composed.content,
      digest,
      signature: await this.signer.sign(digest),
      // Kept compactly: a cell over all sites stays one over all sites when the organisation gains a site (ADR 0047),
      // and its finest cells are stored as the product of field values they are (ADR 0056).
      ledgerEntries: composed.ledgerEntries ?? [],
    };
    reports.publish(publication, today, new Date());
    try {
      await this.reports.save(reports, metadataOf(context));
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw new PublicationRaceError();
      throw error;
    }
    return publication;
  }

  async published(organisationId: string, year: number, publication?: number): Promise<Publication> {
    const reports = await this.reports.load(organisationId);
    if (!reports) throw new ReportNotFoundError();
    return reports.publication(year, publication);
  }

  /**
   * A publication (the latest of the year when `publication` is omitted) as the PDF for the board or the works
   * council: rendered from the published content and its recorded digest and signature, never from the facts.
   */
  async pdf(
    organisationId: string,
    year: number,
    publication: number | undefined,
    language: ReportLanguage,
    audience: ReportAudience,
  ): Promise<RenderedReport> {
    const found = await this.published(organisationId, year, publication);
    const pdf = await renderReportPdf(found.content, { digest: found.digest, signature: found.signature }, language, audience);
    return {
      pdf,
      digest: createHash('sha256').update(pdf).digest('hex'),
      fileName: REPORT_LABELS[language].fileName(year, found.publication, audience),
    };
  }

  async list(organisationId: string): Promise<{ year: number; publication: number; publishedOn: string; digest: string }[]> {
    const reports = await this.reports.load(organisationId);
    return (reports?.state.publications ?? []).map((p) => ({
      year: p.year,
      publication: p.publication,
      publishedOn: p.content.publishedOn,
      digest: p.digest,
    }));
  }

  /**
   * Rebuilds a published report from the event history alone: the organisation's facts up to the recorded cut-off,
   * the ledger of the publications before it, the same rules; the inputs that come from outside the organisation
   * (the agency's rate) as recorded. Same digest, or the differences.
   */
  async reproduce(agencyId: string, organisationId: string, year: number, publication: number): Promise<Reproduction> {
    if ((await this.reads.agencyOf(organisationId)) !== agencyId) throw new OtherAgencyError();
    const reports = await this.reports.load(organisationId);
    if (!reports) throw new ReportNotFoundError();
    const published = reports.publication(year, publication);
    // One read of the journal: the facts up to the cut-off, and how many came after it.
    const { facts: all, version: latest } = await this.journal.read(organisationId);
    const facts = all.slice(0, published.content.factsVersion + 1);
    // With the finest cells of the schema it was published under: a report from before sites has none.
    const { content } = await this.composer.compose({
      facts,
      schema: published.content.schema,
      // And the disclosure rules it was published under (a report from before ADR 0074 has no marks in its audit).
      algorithm: published.content.algorithm,
      k: published.content.k,
      ledger: reports.ledger(publication),
      content: {
        organisationId,
        year,
        publication,
        publishedOn: published.content.publishedOn,
        factsVersion: published.content.factsVersion,
        narrative: published.content.narrative,
        agencyReportsPer100: published.content.visibility.agencyReportsPer100,
        ...(published.content.visibility.sector ? { sector: published.content.visibility.sector } : {}),
      },
      withLedgerEntries: false,
    });
    const reproducedDigest = digestOf(content);
    return {
      organisationId,
      year,
      publication,
      publishedDigest: published.digest,
      reproducedDigest,
      same: reproducedDigest === published.digest,
      differences: reproducedDigest === published.digest ? [] : differences(published.content, content),
      factsAfterCutOff: Math.max(0, latest - published.content.factsVersion),
    };
  }

  /** The agency's k for what it publishes next (ADR 0063); a publication keeps the k it was published at. */
  private async kOf(agencyId: string): Promise<number> {
    return (await this.reads.benchmarkRules(agencyId)).k;
  }

  /** The agency's and the sector's benchmarks as shown, for the low-visibility signal (ADR 0035). */
  private async comparators(agencyId: string, organisationId: string, year: number) {
    const found = await this.benchmarks.comparators(agencyId, organisationId, year);
    return { agencyReportsPer100: found.agency, sector: { section: found.sector, reportsPer100: found.sectorReportsPer100 } };
  }

  private async compose(
    reports: OrganisationReports,
    organisationId: string,
    year: number,
    publication: number,
    today: string,
    withLedgerEntries = false,
  ) {
    const agencyId = reports.state.agencyId ?? '';
    const [{ facts, version }, k] = await Promise.all([this.journal.read(organisationId), this.kOf(agencyId)]);
    return this.composer.compose({
      facts,
      k,
      ledger: reports.ledger(),
      content: {
        organisationId,
        year,
        publication,
        publishedOn: today,
        factsVersion: version,
        narrative: reports.narrative(year),
        ...(await this.comparators(agencyId, organisationId, year)),
      },
      withLedgerEntries,
    });
  }
}

/** The leaves that differ between two contents, by JSON path. */
function differences(a: unknown, b: unknown, path = '$'): { path: string; published: unknown; reproduced: unknown }[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path, published: a, reproduced: b }];
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((key) =>
    differences(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`,
    ),
  );
}
