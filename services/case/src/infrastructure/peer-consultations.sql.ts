import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type { PeerConsultationRow, PeerConsultations } from '../application/ports/peer-consultations.port';

const COLUMNS = `consultation_id as "consultationId", case_id as "caseId", advisor_id as "advisorId", colleague_id as "colleagueId",
  sealed_question as "sealedQuestion", sealed_answer as "sealedAnswer", requested_at as "requestedAt", answered_at as "answeredAt"`;

@Injectable()
export class SqlPeerConsultations implements PeerConsultations {
  constructor(private readonly readModels: ReadModels) {}

  async caseOf(consultationId: string, colleagueId: string): Promise<string | undefined> {
    const rows: { caseId: string }[] = await this.readModels.dataSource.query(
      'select case_id as "caseId" from peer_consultations where consultation_id = $1 and colleague_id = $2',
      [consultationId, colleagueId],
    );
    return rows[0]?.caseId;
  }

  askedOf(colleagueId: string): Promise<PeerConsultationRow[]> {
    return this.readModels.dataSource.query(`select ${COLUMNS} from peer_consultations where colleague_id = $1 order by requested_at`, [
      colleagueId,
    ]);
  }

  askedFor(caseId: string): Promise<PeerConsultationRow[]> {
    return this.readModels.dataSource.query(`select ${COLUMNS} from peer_consultations where case_id = $1 order by requested_at`, [caseId]);
  }
}
