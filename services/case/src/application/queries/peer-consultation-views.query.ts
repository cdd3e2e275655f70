import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@vertrouwd/event-sourcing';
import { shown, type Sealer, type Shown } from '@vertrouwd/privacy';
import { EVENT_STORE, SEALER } from '@vertrouwd/runtime';
import type { ReadReason } from '../../domain/case/case.values';
import { logRead } from './access-log';
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The consultations of a case, for its assigned advisor only (404 for anyone else, as for the case). */
  async forCase(
    caseId: string,
    advisorId: string,
    agencyId: string | undefined,
    reason: ReadReason = 'case-work',
  ): Promise<AskedConsultationView[]> {
    const found = await this.cases.load(caseId);
    const theirs = found && found.state.advisorId === advisorId && found.state.opened?.agencyId === agencyId;
    if (!found || !theirs || found.state.status === 'erased') throw new CaseNotFoundError();
    const rows = await this.consultations.askedFor(caseId);
    await this.logReads(rows, advisorId, reason);
    return Promise.all(
      rows.map(async (row) => ({
        consultationId: row.consultationId,
        colleagueId: row.colleagueId,
        requestedAt: row.requestedAt.toISOString(),
        ...(await this.texts(row)),
      })),
    );
  }

  /** The consultations asked of this colleague (each read logged in the access log of the case it is about). */
  async askedOf(colleagueId: string, reason: ReadReason = 'case-work'): Promise<ConsultationForColleagueView[]> {
    const rows = await this.consultations.askedOf(colleagueId);
    await this.logReads(rows, colleagueId, reason);
    return Promise.all(
      rows.map(async (row) => ({
        consultationId: row.consultationId,
        askedBy: row.advisorId,
        requestedAt: row.requestedAt.toISOString(),
        ...(await this.texts(row)),
      })),
    );
  }

  // Question and answer are about a case: each case whose consultations are shown gets one entry in its access log.
  private async logReads(rows: PeerConsultationRow[], reader: string, reason: ReadReason): Promise<void> {
    const byCase = new Map<string, Set<string>>();
    for (const row of rows) {
      const fields = byCase.get(row.caseId) ?? new Set<string>();
      fields.add('sealedQuestion');
      if (row.sealedAnswer) fields.add('sealedAnswer');
      byCase.set(row.caseId, fields);
    }
    for (const [caseId, fields] of byCase) await logRead(this.store, caseId, reader, [...fields], reason);
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
