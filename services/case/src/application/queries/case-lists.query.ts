import { Inject, Injectable } from '@nestjs/common';
import { stateOf, type DeadlineState } from '../../domain/case/legal-clock';
import type { CaseOverview } from '../projections/case-overview/case-overview.read-model';
import type { LegalClock } from '../projections/legal-clocks/legal-clocks.read-model';
import { CASE_READ_MODEL, RETENTION_SETTINGS, type CaseReadModel, type RetentionSettings } from '../ports/case-read-model.port';

export type DeadlineFilter = 'due' | 'overdue';
export interface DeadlineView {
  caseId: string;
  advisorId: string | null;
  acknowledgement: DeadlineState;
  feedback: DeadlineState;
}

/** Metadata lists from the read models: what coordinators and advisors see without opening a case. */
@Injectable()
export class CaseLists {
  constructor(
    @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel,
    @Inject(RETENTION_SETTINGS) private readonly retention: RetentionSettings,
  ) {}

  forAgency(agencyId: string, status?: string): Promise<CaseOverview[]> {
    return this.readModel.casesOfAgency(agencyId, status);
  }

  forAdvisor(advisorId: string): Promise<CaseOverview[]> {
    return this.readModel.casesOfAdvisor(advisorId);
  }

  /** The agency's retention period; null while none is set (then no case of the agency is erased by time). */
  async retentionOf(agencyId: string): Promise<{ agencyId: string; monthsAfterClosure: number | null }> {
    return { agencyId, monthsAfterClosure: await this.retention.monthsAfterClosure(agencyId) };
  }

  async setRetention(agencyId: string, monthsAfterClosure: number): Promise<{ agencyId: string; monthsAfterClosure: number }> {
    await this.retention.setMonthsAfterClosure(agencyId, monthsAfterClosure);
    return { agencyId, monthsAfterClosure };
  }

  /** Deadlines of active cases: `due` still pending, `overdue` missed; without a filter, both. */
  async deadlines(
    where: { agencyId?: string; advisorId?: string },
    filter: DeadlineFilter | undefined,
    now: Date,
  ): Promise<DeadlineView[]> {
    const rows = await this.readModel.activeClocks(where);
    const wanted = filter === 'due' ? 'pending' : 'missed';
    return rows
      .map((row) => viewOf(row, now))
      .filter((view) => !filter || view.acknowledgement.state === wanted || view.feedback.state === wanted);
  }
}

function viewOf(row: LegalClock, now: Date): DeadlineView {
  return {
    caseId: row.caseId,
    advisorId: row.advisorId,
    acknowledgement: stateOf('acknowledgement', row.acknowledgementDueAt, row.acknowledgedAt ?? undefined, now),
    feedback: stateOf('feedback', row.feedbackDueAt, row.feedbackAt ?? undefined, now),
  };
}
