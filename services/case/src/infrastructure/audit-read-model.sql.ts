import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type { AccessLogWhere, AccessReadRow, AuditReadModel, AuditedCaseRow } from '../application/ports/audit-read-model.port';
import type { LegalClock } from '../application/projections/legal-clocks/legal-clocks.read-model';
import type { Regime } from '../domain/case/case.values';

// The agency of a case is its legal clock's (kept for erased cases too); the overview adds status and closure.
const CASES = `
  select c.*, o."organisationId", o.theme, o.status, o."closedAt"
    from legal_clocks c join case_overview o on o."caseId" = c."caseId"
   where c."agencyId" = $1 and ($2::text is null or o.status = $2) and ($3::text is null or c.regime = $3)
   order by c."receivedAt", c."caseId"`;

const ACCESS_LOG = `
  select a."caseId", a.actor, a."readAt", a.reason, a.fields, count(*) over () as total
    from case_access_log a join legal_clocks c on c."caseId" = a."caseId"
   where c."agencyId" = $1 and ($2::uuid is null or a."caseId" = $2) and ($3::text is null or a.reason = $3)
     and ($4::timestamptz is null or a."readAt" >= $4) and ($5::timestamptz is null or a."readAt" < $5)
   order by a."readAt", a.position
   limit $6 offset $7`;

type CaseRow = LegalClock & { organisationId: string; theme: string; status: string; closedAt: Date | null };

@Injectable()
export class SqlAuditReadModel implements AuditReadModel {
  constructor(private readonly readModels: ReadModels) {}

  async casesOfAgency(agencyId: string, where: { status?: string; regime?: Regime }): Promise<AuditedCaseRow[]> {
    const rows: CaseRow[] = await this.readModels.dataSource.query(CASES, [agencyId, where.status ?? null, where.regime ?? null]);
    return rows.map(({ organisationId, theme, status, closedAt, ...clock }) => ({
      caseId: clock.caseId,
      organisationId,
      theme,
      status,
      closedAt: closedAt && new Date(closedAt),
      clock: {
        ...clock,
        receivedAt: new Date(clock.receivedAt),
        acknowledgementDueAt: new Date(clock.acknowledgementDueAt),
        feedbackDueAt: new Date(clock.feedbackDueAt),
        acknowledgedAt: clock.acknowledgedAt && new Date(clock.acknowledgedAt),
        feedbackAt: clock.feedbackAt && new Date(clock.feedbackAt),
        stoppedAt: clock.stoppedAt && new Date(clock.stoppedAt),
      },
    }));
  }

  async accessLog(
    agencyId: string,
    where: AccessLogWhere,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; reads: AccessReadRow[] }> {
    const values = [agencyId, where.caseId ?? null, where.reason ?? null, where.from ?? null, where.to ?? null, page.limit, page.offset];
    const rows: (AccessReadRow & { total: string })[] = await this.readModels.dataSource.query(ACCESS_LOG, values);
    // Past the last page no row carries the count: count again (rare; only a client paging too far pays for it).
    const total = rows.length ? Number(rows[0].total) : page.offset > 0 ? await this.count(values.slice(0, 5)) : 0;
    return { total, reads: rows.map(({ total: _, ...read }) => ({ ...read, readAt: new Date(read.readAt) })) };
  }

  private async count(values: unknown[]): Promise<number> {
    const sql = `select count(*) as n from (${ACCESS_LOG.replace(/order by[\s\S]*$/, '')}) matched`;
    const [{ n }]: { n: string }[] = await this.readModels.dataSource.query(sql, values);
    return Number(n);
  }
}
