import { Inject, Injectable } from '@nestjs/common';
import { complianceOf, employerView, type Compliance, type EmployerCompliance } from '../../domain/compliance/compliance';
import { OrganisationUnknownError, YearNotStartedError } from '../../domain/compliance/compliance.errors';
import { OtherAgencyError } from '../../domain/reports/reports.errors';
import { REPORTING_READS, type ReportingReads } from '../ports/reporting-reads.port';
import { FactsJournal } from '../reporting.repositories';

/** The day a year's compliance is judged on: today in the current year, the year's last day for a past one. */
export function referenceDayOf(year: number, today: string): string {
  const current = Number(today.slice(0, 4));
  if (year > current) throw new YearNotStartedError();
  return year === current ? today : `${year}-12-31`;
}

/** The compliance view of an organisation (ADR 0035): in full for its agency, as rates above k for its employer. */
@Injectable()
export class ComplianceService {
  constructor(
    @Inject(REPORTING_READS) private readonly reads: ReportingReads,
    private readonly journal: FactsJournal,
  ) {}

  async forAgency(agencyId: string, organisationId: string, year: number, today: string): Promise<Compliance> {
    const referenceDay = referenceDayOf(year, today);
    if ((await this.reads.agencyOf(organisationId)) !== agencyId) throw new OtherAgencyError();
    const { facts } = await this.journal.read(organisationId);
    return complianceOf(organisationId, facts, year, referenceDay);
  }

  async forEmployer(organisationId: string, year: number, today: string): Promise<EmployerCompliance> {
    const referenceDay = referenceDayOf(year, today);
    const agencyId = await this.reads.agencyOf(organisationId);
    if (agencyId === undefined) throw new OrganisationUnknownError();
    const [{ facts }, rules] = await Promise.all([this.journal.read(organisationId), this.reads.benchmarkRules(agencyId)]);
    return employerView(complianceOf(organisationId, facts, year, referenceDay), rules.k);
  }
}
