import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { CaseEvent } from '../../../domain/case/case.events';
import { CaseOverview } from './case-overview.read-model';

type Change = Partial<Omit<CaseOverview, 'caseId'>>;

/** Folds case events into `case_overview`; rebuildable from zero. */
export class CaseOverviewProjector implements Projection {
  readonly name = 'case-overview';
  readonly filter = { categories: ['case'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = { ...(recorded.data as object), type: recorded.type } as CaseEvent;
      if (event.type === 'CaseOpened') {
        const { caseId, agencyId, organisationId, theme } = event;
        const asked = {
          language: event.language ?? null,
          preferredAdvisorGender: event.preferredAdvisorGender ?? null,
          preferredAdvisorKind: event.preferredAdvisorKind ?? null,
        };
        await manager.upsert(
          CaseOverview,
          { caseId, agencyId, organisationId, theme, status: 'waiting-for-assignment', receivedAt: new Date(event.receivedAt), ...asked },
          ['caseId'],
        );
        continue;
      }
      if (event.type === 'ReportResumed') {
        const row = await manager.findOneBy(CaseOverview, { caseId: event.caseId });
        if (row)
          await manager.update(
            CaseOverview,
            { caseId: event.caseId },
            { status: row.advisorId ? 'open' : 'waiting-for-assignment', closedAt: null },
          );
        continue;
      }
      const change = changeOf(event);
      if (change) await manager.update(CaseOverview, { caseId: event.caseId }, change);
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.clear(CaseOverview);
  }
}

function changeOf(event: CaseEvent): Change | undefined {
  switch (event.type) {
    case 'AdvisorAssigned':
      return { advisorId: event.advisorId, status: 'open', handoverTo: null };
    case 'AssignmentDeclined':
      return { advisorId: null, status: 'waiting-for-assignment', handoverTo: null };
    case 'CaseTransferred':
      return { advisorId: event.toAdvisorId, handoverTo: null };
    case 'CaseHandoverOffered':
      return { handoverTo: event.toAdvisorId };
    case 'CaseHandoverDeclined':
      return { handoverTo: null };
    case 'CaseAcknowledged':
      return { acknowledgedAt: new Date(event.acknowledgedAt) };
    case 'CaseClosed':
      return { status: 'closed', closedAt: new Date(event.closedAt) };
    case 'ReportWithdrawn':
      return { status: 'closed', closedAt: new Date(event.withdrawnAt) };
    case 'CaseReopened':
      return { status: 'open', closedAt: null };
    case 'CaseErased':
      return { status: 'erased' };
    default:
      return undefined;
  }
}
