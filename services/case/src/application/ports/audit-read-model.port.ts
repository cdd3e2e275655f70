import type { Regime } from '../../domain/case/case.values';
import type { LegalClock } from '../projections/legal-clocks/legal-clocks.read-model';

/** A case of the agency as the auditor's list starts from: its metadata and its legal clock row. */
export interface AuditedCaseRow {
  caseId: string;
  organisationId: string;
  theme: string;
  status: string;
  closedAt: Date | null;
  clock: LegalClock;
}

/** One logged read of a case's sealed content. */
export interface AccessReadRow {
  caseId: string;
  actor: string;
  readAt: Date;
  reason: string | null;
  fields: string[];
}

export interface AccessLogWhere {
  caseId?: string;
  reason?: string;
  /** Instants, `from` included, `to` excluded. */
  from?: Date;
  to?: Date;
}

/** What the auditor's lists read (implemented with SQL in infrastructure). */
export interface AuditReadModel {
  /** The agency's cases, oldest received first. */
  casesOfAgency(agencyId: string, where: { status?: string; regime?: Regime }): Promise<AuditedCaseRow[]>;
  /** The reads of the agency's cases in time order, one page, and how many match in all. */
  accessLog(
    agencyId: string,
    where: AccessLogWhere,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; reads: AccessReadRow[] }>;
}
export const AUDIT_READ_MODEL = Symbol('AuditReadModel');
