import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@vertrouwd/event-sourcing';
import { shown, type Sealer } from '@vertrouwd/privacy';
import { EVENT_STORE, SEALER } from '@vertrouwd/runtime';
import { CONSULTATION_SEALED_FIELDS, SEALED_FIELDS, type CaseEvent, type CaseOpened } from '../../domain/case/case.events';
import { legalClocks, type LegalClocks } from '../../domain/case/legal-clock';
import { CaseRepository } from '../case.repository';
import { CaseNotFoundError } from '../../domain/case/case.errors';
import type { ReadReason } from '../../domain/case/case.values';
import { logRead } from './access-log';

export interface CaseEntryView {
  type: string;
  version: number;
  recordedAt: string;
  data: Record<string, unknown>;
}
/** A summary's versions at a glance: the latest shared and the one the reporter approved (null: none yet). */
export interface SummaryVersionsView {
  summaryId: string;
  version: number;
  approvedVersion: number | null;
}
/** A consent of the reporter: what it allows, who put it on the case, and whether it counts now. */
export interface ConsentView {
  consentId: string;
  scope: string;
  referralType: string | null;
  recordedBy: 'reporter' | 'advisor';
  status: 'given' | 'awaiting-confirmation' | 'withdrawn';
}
export interface CaseView {
  caseId: string;
  status: string;
  advisorId?: string;
  summaries: SummaryVersionsView[];
  consents: ConsentView[];
  legalDuties: { dutyId: string; reason: string; scope: string; referralType: string | null }[];
  /** What the reporter asked for at intake; absent for a case opened before it was kept. */
  reporterAsked?: { language?: string; advisorGender?: string; advisorKind?: string };
  /** The case's legal clocks now, from its events as the deadline watch and the replay compute them. */
  clocks?: LegalClocks;
  history: CaseEntryView[];
}

/**
 * The assigned advisor's view of a case, decrypted. Every read is logged first, in the access log stream
 * `access-<caseId>` (what was read, by whom, when, and the reason the reader stated: never the content), so no
 * read goes unrecorded.
 */
@Injectable()
export class ReadCase {
  constructor(
    private readonly cases: CaseRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SEALER) private readonly sealer: Sealer,
  ) {}

  async read(caseId: string, advisorId: string, agencyId: string | undefined, reason: ReadReason = 'case-work'): Promise<CaseView> {
    const found = await this.cases.load(caseId);
    const theirs = found && found.state.advisorId === advisorId && found.state.opened?.agencyId === agencyId;
    if (!found || !theirs || found.state.status === 'erased') throw new CaseNotFoundError();
    const recorded = await this.store.readStream(this.cases.streamId(caseId));
    const fields = [...new Set(recorded.flatMap((e) => sealedKeys(e.data as Record<string, unknown>)))];
    await logRead(this.store, caseId, advisorId, fields, reason);
    // Dual control: the reporter's identity only under an approved reveal naming this advisor; the questions and
    // answers of peer consultations are under their own keys and read through the consultations list.
    const revealed = found.mayReveal(advisorId);
    const history = await Promise.all(
      recorded.map(async (e) => ({
        type: e.type,
        version: e.version,
        recordedAt: e.recordedAt.toISOString(),
        data: await this.unsealed(caseId, e.data as Record<string, unknown>, revealed),
      })),
    );
    const { state } = found;
    const summaries = [...state.summaries]
      .filter(([, s]) => s.shared)
      .map(([summaryId, s]) => ({ summaryId, version: s.version, approvedVersion: s.approvedVersion ?? null }));
    const consents = [...state.consents].map(([consentId, c]) => ({
      consentId,
      scope: c.scope,
      referralType: c.referralType ?? null,
      recordedBy: c.recordedBy,
      status: c.withdrawn ? ('withdrawn' as const) : c.confirmed ? ('given' as const) : ('awaiting-confirmation' as const),
    }));
    const legalDuties = [...state.legalDuties].map(([dutyId, d]) => ({
      dutyId,
      reason: d.reason,
      scope: d.scope,
      referralType: d.referralType ?? null,
    }));
    const reporterAsked = askedOf(state.opened);
    const clocks = legalClocks(
      recorded.map((e) => ({ ...(e.data as object), type: e.type }) as CaseEvent),
      new Date(),
    );
    return {
      caseId,
      status: state.status,
      advisorId: state.advisorId,
      ...(reporterAsked ? { reporterAsked } : {}),
      ...(clocks ? { clocks } : {}),
      summaries,
      consents,
      legalDuties,
      history,
    };
  }

  // Opened only as this case's: a value sealed under another case's key (written into this stream by
  // whoever could append to it) reads as refused, never as that case's content.
  private async unsealed(caseId: string, data: Record<string, unknown>, revealed: boolean): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = { ...data };
    for (const key of sealedKeys(data)) {
      if (key === 'sealedIdentity' && !revealed) out[key] = { notRevealed: true };
      else if ((CONSULTATION_SEALED_FIELDS as readonly string[]).includes(key)) out[key] = { consultation: true };
      else out[key] = shown(await this.sealer.unseal<string>(data[key] as string, { caseRef: caseId }));
    }
    return out;
  }
}

export function sealedKeys(data: Record<string, unknown>): string[] {
  return (SEALED_FIELDS as readonly string[]).filter((key) => typeof data[key] === 'string');
}

function askedOf(opened: CaseOpened | undefined): CaseView['reporterAsked'] {
  if (!opened?.language && !opened?.preferredAdvisorGender && !opened?.preferredAdvisorKind) return undefined;
  return {
    ...(opened.language ? { language: opened.language } : {}),
    ...(opened.preferredAdvisorGender ? { advisorGender: opened.preferredAdvisorGender } : {}),
    ...(opened.preferredAdvisorKind ? { advisorKind: opened.preferredAdvisorKind } : {}),
  };
}
