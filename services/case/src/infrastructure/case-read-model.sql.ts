import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ReadModels } from '@vertrouwd/service-kit';
import type { CaseReadModel, OverdueDeadline, RetentionSettings } from '../application/ports/case-read-model.port';
import { CaseOverview } from '../application/projections/case-overview/case-overview.read-model';
import { LegalClock } from '../application/projections/legal-clocks/legal-clocks.read-model';
import { AgencyRetention } from '../application/retention/agency-retention.read-model';

// A deadline is missed when its due time passed and its step came late or not at all; recorded ones are skipped,
// and so are cases whose clocks stopped (withdrawn, erased); a closed case still owes feedback. The read model may
// lag: the aggregate has the last word.
const OVERDUE = `
  select "caseId", 'acknowledgement' as deadline, "acknowledgementDueAt" as "dueAt" from legal_clocks
   where active and not "acknowledgementMissed" and "acknowledgementDueAt" < $1
     and ("acknowledgedAt" is null or "acknowledgedAt" > "acknowledgementDueAt")
  union all
  select "caseId", 'feedback', "feedbackDueAt" from legal_clocks
   where active and not "feedbackMissed" and "feedbackDueAt" < $1 and ("feedbackAt" is null or "feedbackAt" > "feedbackDueAt")`;

// Closed cases whose agency's retention has run out, existing ones included (the setting applies to all).
const PAST_RETENTION = `
  select o."caseId" from case_overview o join agency_retention r on r."agencyId" = o."agencyId"
   where o.status = 'closed' and o."closedAt" + make_interval(months => r."monthsAfterClosure") < $1`;

/** The case read models in the service's database, through the kit's TypeORM data source. */
@Injectable()
export class SqlCaseReadModel implements CaseReadModel, RetentionSettings {
  constructor(private readonly readModels: ReadModels) {}

  private get manager() {
    return this.readModels.dataSource.manager;
  }

  casesOfAgency(agencyId: string, status?: string): Promise<CaseOverview[]> {
    return this.manager.find(CaseOverview, { where: { agencyId, ...(status ? { status } : {}) }, order: { receivedAt: 'ASC' } });
  }

  handoversTo(advisorId: string): Promise<CaseOverview[]> {
    return this.manager.find(CaseOverview, { where: { handoverTo: advisorId }, order: { receivedAt: 'ASC' } });
  }

  liveCasesOfAgency(agencyId: string): Promise<CaseOverview[]> {
    return this.manager.find(CaseOverview, {
      where: { agencyId, status: In(['waiting-for-assignment', 'open']) },
      order: { receivedAt: 'ASC' },
    });
  }

  casesOfAdvisor(advisorId: string): Promise<CaseOverview[]> {
    return this.manager.find(CaseOverview, { where: { advisorId }, order: { receivedAt: 'ASC' } });
  }

  activeClocks(where: { agencyId?: string; advisorId?: string }): Promise<LegalClock[]> {
    return this.manager.find(LegalClock, { where: { ...where, active: true }, order: { receivedAt: 'ASC' } });
  }

  clocksOfAgency(agencyId: string): Promise<LegalClock[]> {
    return this.manager.find(LegalClock, { where: { agencyId } });
  }

  async clocksOfCases(caseIds: readonly string[]): Promise<LegalClock[]> {
    return caseIds.length === 0 ? [] : this.manager.find(LegalClock, { where: { caseId: In([...caseIds]) } });
  }

  async overdueDeadlines(now: Date): Promise<OverdueDeadline[]> {
    const rows: OverdueDeadline[] = await this.manager.query(OVERDUE, [now]);
    return rows.map((row) => ({ ...row, dueAt: new Date(row.dueAt) }));
  }

  async casesPastRetention(now: Date): Promise<string[]> {
    const rows: { caseId: string }[] = await this.manager.query(PAST_RETENTION, [now]);
    return rows.map((row) => row.caseId);
  }

  async monthsAfterClosure(agencyId: string): Promise<number | null> {
    return (await this.manager.findOneBy(AgencyRetention, { agencyId }))?.monthsAfterClosure ?? null;
  }

  async setMonthsAfterClosure(agencyId: string, months: number): Promise<void> {
    await this.manager.upsert(AgencyRetention, { agencyId, monthsAfterClosure: months }, ['agencyId']);
  }
}
