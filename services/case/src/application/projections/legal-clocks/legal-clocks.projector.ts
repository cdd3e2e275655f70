import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { CaseEvent } from '../../../domain/case/case.events';
import { acknowledgementDue, feedbackDue, regimeOf } from '../../../domain/case/legal-clock';
import { LegalClock } from './legal-clocks.read-model';

/**
 * Folds case events into `legal_clocks`, with due dates, regime and stop from the domain's legal clock (the same
 * rules the auditor's replay applies to the events); rebuildable from zero.
 */
export class LegalClocksProjector implements Projection {
  readonly name = 'legal-clocks';
  readonly filter = { categories: ['case'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = { ...(recorded.data as object), type: recorded.type } as CaseEvent;
      if (event.type === 'CaseOpened') {
        const receivedAt = new Date(event.receivedAt);
        const row = {
          caseId: event.caseId,
          agencyId: event.agencyId,
          receivedAt,
          acknowledgementDueAt: acknowledgementDue(receivedAt),
          feedbackDueAt: feedbackDue(receivedAt),
          regime: regimeOf(event.theme, false),
        };
        await manager.upsert(LegalClock, row, ['caseId']);
        continue;
      }
      const row = await manager.findOneBy(LegalClock, { caseId: event.caseId });
      if (row && change(row, event)) await manager.save(row);
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.clear(LegalClock);
  }
}

function change(row: LegalClock, event: CaseEvent): boolean {
  switch (event.type) {
    case 'AdvisorAssigned':
      row.advisorId = event.advisorId;
      return true;
    case 'AssignmentDeclined':
      row.advisorId = null;
      return true;
    case 'CaseTransferred':
      row.advisorId = event.toAdvisorId;
      return true;
    case 'CaseAcknowledged':
      row.acknowledgedAt ??= new Date(event.acknowledgedAt);
      row.feedbackDueAt = feedbackDue(row.receivedAt, row.acknowledgedAt);
      return true;
    case 'FeedbackGiven':
      row.feedbackAt ??= new Date(event.givenAt);
      return true;
    case 'FormalReportSupported':
      row.regime = 'wbk';
      return true;
    default:
      return stopOrRecord(row, event);
  }
}

function stopOrRecord(row: LegalClock, event: CaseEvent): boolean {
  switch (event.type) {
    case 'ReportWithdrawn':
    case 'CaseErased':
      row.stoppedAt ??= new Date(event.type === 'ReportWithdrawn' ? event.withdrawnAt : event.erasedAt);
      row.active = false;
      return true;
    case 'ReportResumed': {
      // The reporter resumed the report: its clocks start again from the resumption, as for a new receipt.
      const from = new Date(event.resumedAt);
      Object.assign(row, {
        receivedAt: from,
        acknowledgementDueAt: acknowledgementDue(from),
        acknowledgedAt: null,
        feedbackDueAt: feedbackDue(from),
        feedbackAt: null,
        acknowledgementMissed: false,
        feedbackMissed: false,
        stoppedAt: null,
        active: true,
      });
      return true;
    }
    case 'DeadlineMissed':
      if (event.deadline === 'acknowledgement') row.acknowledgementMissed = true;
      else row.feedbackMissed = true;
      return true;
    default:
      return false;
  }
}
