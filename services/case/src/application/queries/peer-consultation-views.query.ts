import { Inject, Injectable } from '@nestjs/common';
import { shown, type Sealer, type Shown } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import { CaseNotFoundError } from '../../domain/case/case.errors';
import { CaseRepository } from '../case.repository';
import { consultationKey } from '../peer-consultation/peer-consultation.handlers';
import { PEER_CONSULTATIONS, type PeerConsultationRow, type PeerConsultations } from '../ports/peer-consultations.port';

/** What the asking advisor sees of the consultations of their case. */
export interface AskedConsultationView {
  consultationId: string;
  colleagueId: string;
  requestedAt: string;
  question: Shown<string>;
  answer: Shown<string> | null;
  answeredAt: string | null;
}

/** What the colleague sees: the consultation and who asked, never the case, its theme or anything of the reporter. */
export interface ConsultationForColleagueView {
  consultationId: string;
  askedBy: string;
  requestedAt: string;
  question: Shown<string>;
  answer: Shown<string> | null;
  answeredAt: string | null;
}

@Injectable()
export class PeerConsultationViews {
  constructor(
    private readonly cases: CaseRepository,
    @Inject(PEER_CONSULTATIONS) private readonly consultations: PeerConsultations,
    @Inject(SEALER) private readonly sealer: Sealer,
  ) {}

  /** The consultations of a case, for its assigned advisor only (404 for anyone else, as for the case). */
  async forCase(caseId: string, advisorId: string, agencyId: string | undefined): Promise<AskedConsultationView[]> {
    const found = await this.cases.load(caseId);
    const theirs = found && found.state.advisorId === advisorId && found.state.opened?.agencyId === agencyId;
    if (!found || !theirs || found.state.status === 'erased') throw new CaseNotFoundError();
    const rows = await this.consultations.askedFor(caseId);
    return Promise.all(
      rows.map(async (row) => ({
        consultationId: row.consultationId,
        colleagueId: row.colleagueId,
        requestedAt: row.requestedAt.toISOString(),
        ...(await this.texts(row)),
      })),
    );
  }

  /** The consultations asked of this colleague. */
  async askedOf(colleagueId: string): Promise<ConsultationForColleagueView[]> {
    const rows = await this.consultations.askedOf(colleagueId);
    return Promise.all(
      rows.map(async (row) => ({
        consultationId: row.consultationId,
        askedBy: row.advisorId,
        requestedAt: row.requestedAt.toISOString(),
        ...(await this.texts(row)),
      })),
    );
  }

  private async texts(row: PeerConsultationRow) {
    const { caseRef } = consultationKey(row.consultationId);
    const open = async (sealed: string) => shown(await this.sealer.unseal<string>(sealed as never, { caseRef }));
    return {
      question: await open(row.sealedQuestion),
      answer: row.sealedAnswer ? await open(row.sealedAnswer) : null,
      answeredAt: row.answeredAt ? row.answeredAt.toISOString() : null,
    };
  }
}
