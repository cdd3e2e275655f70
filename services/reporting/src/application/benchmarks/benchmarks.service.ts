import { Inject, Injectable } from '@nestjs/common';
import { OrganisationUnknownError, YearNotStartedError } from '../../domain/compliance/compliance.errors';
import { sbiSection, type SbiSection } from '../../domain/benchmarks/sbi-sections';
import { OtherAgencyError } from '../../domain/reports/reports.errors';
import { REPORTING_READS, type OrganisationYear, type ReportingReads } from '../ports/reporting-reads.port';
import { ReportsRepository } from '../reporting.repositories';
import { per100 } from '../reports/report-content';
import { agencyBenchmarks, type AgencyBenchmarks, type BenchmarkCell } from './benchmarks';

export interface OrganisationBenchmarks {
  organisationId: string;
  year: number;
  rules: AgencyBenchmarks['rules'];
  /**
   * The organisation's own reports per 100 employees as its published annual report of the year shows them (its
   * total and headcount); null with `not-published` when no report of the year shows its total: this view tells the
   * employer nothing about their own organisation that its published report does not.
   */
  own: { reportsPer100: string | null; suppressed: 'not-published' | null };
  agency: BenchmarkCell;
  sector: ({ sector: SbiSection } & BenchmarkCell) | null;
  themes: AgencyBenchmarks['themes'];
}

/** How long an agency's benchmarks, once computed, are used again. */
export const BENCHMARK_TTL_MS = 30_000;

/** Benchmarks across an agency's organisations and by sector (ADR 0035), for the agency and for one organisation. */
@Injectable()
export class BenchmarksService {
  constructor(
    @Inject(REPORTING_READS) private readonly reads: ReportingReads,
    private readonly reports: ReportsRepository,
  ) {}

  async forAgency(agencyId: string, year: number, today: string): Promise<AgencyBenchmarks> {
    if (year > Number(today.slice(0, 4))) throw new YearNotStartedError();
    return (await this.compute(agencyId, year)).benchmarks;
  }

  async forOrganisation(organisationId: string, year: number, today: string): Promise<OrganisationBenchmarks> {
    if (year > Number(today.slice(0, 4))) throw new YearNotStartedError();
    const agencyId = await this.reads.agencyOf(organisationId);
    if (agencyId === undefined) throw new OrganisationUnknownError();
    const { benchmarks, sector } = await this.forOrganisationOf(agencyId, organisationId, year);
    return {
      organisationId,
      year,
      rules: benchmarks.rules,
      own: await this.ownRate(organisationId, year),
      agency: benchmarks.agency,
      sector,
      themes: benchmarks.themes,
    };
  }

  /** The agency's and the organisation's sector's figures, as shown (null when suppressed): the low-visibility signal's comparators. */
  async comparators(
    agencyId: string,
    organisationId: string,
    year: number,
  ): Promise<{ agency: string | null; sector: SbiSection | null; sectorReportsPer100: string | null }> {
    if ((await this.reads.agencyOf(organisationId)) !== agencyId) throw new OtherAgencyError();
    const { benchmarks, sector } = await this.forOrganisationOf(agencyId, organisationId, year);
    return { agency: benchmarks.agency.reportsPer100, sector: sector?.sector ?? null, sectorReportsPer100: sector?.reportsPer100 ?? null };
  }

  /**
   * The agency's benchmarks of a year, computed from all its organisations: kept for {@link BENCHMARK_TTL_MS}, so
   * the drafts and publications of an agency's organisations (thousands in a row at the turn of the year) do not each
   * read and compute every organisation again. A publication records the figures it used, so its reproduction does
   * not depend on when they were computed.
   */
  private compute(agencyId: string, year: number) {
    const key = `${agencyId}/${year}`;
    const now = Date.now();
    const cached = this.computed.get(key);
    if (cached && now - cached.at < BENCHMARK_TTL_MS) return cached.value;
    const value = (async () => {
      const [organisations, rules] = await Promise.all([this.reads.organisationYears(agencyId, year), this.reads.benchmarkRules(agencyId)]);
      return { ...agencyBenchmarks(agencyId, year, organisations, rules), organisations };
    })();
    this.computed.set(key, { at: now, value });
    value.catch(() => this.computed.delete(key));
    return value;
  }

  /** Drops the agency's benchmarks kept on this replica (its rules changed); other replicas follow within the TTL. */
  forget(agencyId: string): void {
    for (const key of this.computed.keys()) if (key.startsWith(`${agencyId}/`)) this.computed.delete(key);
  }

  private readonly computed = new Map<
    string,
    { at: number; value: Promise<ReturnType<typeof agencyBenchmarks> & { organisations: OrganisationYear[] }> }
  >();

  private async forOrganisationOf(agencyId: string, organisationId: string, year: number) {
    const { benchmarks, organisations } = await this.compute(agencyId, year);
    const code = organisations.find((o) => o.organisationId === organisationId)?.sbiCode;
    const letter = code === undefined ? undefined : sbiSection(code);
    return { benchmarks, sector: benchmarks.sectors.find((s) => s.sector === letter) ?? null };
  }

  private async ownRate(organisationId: string, year: number): Promise<OrganisationBenchmarks['own']> {
    const reports = await this.reports.load(organisationId);
    const latest = reports?.state.publications.filter((p) => p.year === year).at(-1);
    const total = latest?.content.tables.find((t) => t.id === 'total')?.cells[0]?.value ?? null;
    const headcount = latest?.content.headcount ?? null;
    const rate = total === null || headcount === null ? null : per100(total, headcount);
    return rate === null ? { reportsPer100: null, suppressed: 'not-published' } : { reportsPer100: rate, suppressed: null };
  }
}
