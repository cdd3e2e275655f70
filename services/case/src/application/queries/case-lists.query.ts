import { Injectable } from '@nestjs/common';
import { CaseReadModels } from '../../infrastructure/case-read-models';
import { stateOf, type DeadlineState } from '../../domain/case/legal-clock';
import { CaseOverview } from '../projections/case-overview/case-overview.read-model';
import { LegalClock } from '../projections/legal-clocks/legal-clocks.read-model';

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
  constructor(private readonly readModels: CaseReadModels) {}

  forAgency(agencyId: string, status?: string): Promise<CaseOverview[]> {
    return this.readModels.dataSource.manager.find(CaseOverview, {
      where: { agencyId, ...(status ? { status } : {}) },
      order: { receivedAt: 'ASC' },
    });
  }

  forAdvisor(advisorId: string): Promise<CaseOverview[]> {
    return this.readModels.dataSource.manager.find(CaseOverview, { where: { advisorId }, order: { receivedAt: 'ASC' } });
  }

  /** Deadlines of active cases: `due` still pending, `overdue` missed; without a filter, both. */
  async deadlines(
    where: { agencyId?: string; advisorId?: string },
    filter: DeadlineFilter | undefined,
    now: Date,
  ): Promise<DeadlineView[]> {
    const rows = await this.readModels.dataSource.manager.find(LegalClock, {
      where: { ...where, active: true },
      order: { receivedAt: 'ASC' },
    });
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
