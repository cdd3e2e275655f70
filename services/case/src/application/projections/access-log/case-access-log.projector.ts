import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { SealedContentRead } from '../../../domain/case/case.events';
import { CaseAccessRead } from './case-access-log.read-model';

/** Folds the access logs of all cases into `case_access_log`, for the auditor's list; rebuildable from zero. */
export class CaseAccessLogProjector implements Projection {
  readonly name = 'case-access-log';
  readonly filter = { categories: ['access'], types: ['SealedContentRead'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    const rows = events.map((recorded) => {
      const read = recorded.data as SealedContentRead;
      return {
        position: recorded.position.toString(),
        caseId: read.caseId,
        actor: read.actor,
        readAt: new Date(read.at),
        reason: read.reason ?? null,
        fields: read.fields,
      };
    });
    if (rows.length) await manager.createQueryBuilder().insert().into(CaseAccessRead).values(rows).orIgnore().execute();
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.clear(CaseAccessRead);
  }
}
