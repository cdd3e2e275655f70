import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { CaseEvent } from '../../../domain/case/case.events';

/** Folds peer consultations into `peer_consultations` (sealed under their own keys); rebuildable from zero. */
export class PeerConsultationsProjector implements Projection {
  readonly name = 'peer-consultations';
  readonly filter = { categories: ['case'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = { ...(recorded.data as object), type: recorded.type } as CaseEvent;
      if (event.type === 'PeerConsultationRequested') {
        await manager.query(
          `insert into peer_consultations (consultation_id, case_id, advisor_id, colleague_id, sealed_question, requested_at)
           values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
          [event.consultationId, event.caseId, event.advisorId, event.colleagueId, event.sealedQuestion, event.requestedAt],
        );
      } else if (event.type === 'PeerConsultationAnswered') {
        await manager.query('update peer_consultations set sealed_answer = $2, answered_at = $3 where consultation_id = $1', [
          event.consultationId,
          event.sealedAnswer,
          event.answeredAt,
        ]);
      } else if (event.type === 'CaseErased') {
        await manager.query('delete from peer_consultations where case_id = $1', [event.caseId]);
      }
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('delete from peer_consultations');
  }
}
