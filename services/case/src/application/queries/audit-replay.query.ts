import { Inject, Injectable } from '@nestjs/common';
import type { ChainVerification, EventStore, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { Sealer } from '@vertrouwd/privacy';
import { EVENT_STORE, PLATFORM, SEALER, type Platform } from '@vertrouwd/runtime';
import { CONSULTATION_SEALED_FIELDS, type CaseEvent } from '../../domain/case/case.events';
import { consultationKey } from '../peer-consultation/peer-consultation.handlers';
import { legalClocks, type LegalClocks } from '../../domain/case/legal-clock';
import { CaseNotFoundError } from '../../domain/case/case.errors';
import { sealedKeys } from './read-case.query';

export interface ReplayEntry {
  stream: 'case' | 'access';
  type: string;
  version: number;
  position: string;
  recordedAt: string;
  actor: string | null;
  data: Record<string, unknown>;
}
export interface Replay {
  caseId: string;
  chain: { case: ChainVerification; access: ChainVerification };
  clocks: LegalClocks | undefined;
  timeline: ReplayEntry[];
}

/**
 * An auditor's replay: the case and its access log, event by event in time order, actors as pseudonyms of
 * this audit, every sealed field as `sealed`, `erased` or `foreign` (sealed under another case's key; never its
 * content), the hash chains verified and the legal clocks recomputed from the events.
 */
@Injectable()
export class AuditReplay {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  /** The replay of a case of `agencyId` (the auditor's agency); any other case, or none, is not found. */
  async replay(auditId: string, caseId: string, agencyId: string | undefined): Promise<Replay> {
    const events = await this.store.readStream(`case-${caseId}`);
    const opened = events.find((e) => e.type === 'CaseOpened')?.data as { agencyId?: string } | undefined;
    if (!agencyId || opened?.agencyId !== agencyId) throw new CaseNotFoundError();
    const access = await this.store.readStream(`access-${caseId}`);
    const entries = [
      ...events.map((e) => this.entry(auditId, caseId, 'case', e)),
      ...access.map((e) => this.entry(auditId, caseId, 'access', e)),
    ];
    const timeline = (await Promise.all(entries)).sort(
      (a, b) => a.recordedAt.localeCompare(b.recordedAt) || Number(BigInt(a.position) - BigInt(b.position)),
    );
    const chain = { case: await this.store.verifyStream(`case-${caseId}`), access: await this.store.verifyStream(`access-${caseId}`) };
    const clocks = legalClocks(
      events.map((e) => ({ ...(e.data as object), type: e.type }) as CaseEvent),
      new Date(),
    );
    return { caseId, chain, clocks, timeline };
  }

  private async entry(auditId: string, caseId: string, stream: ReplayEntry['stream'], e: RecordedEvent): Promise<ReplayEntry> {
    const data = { ...(e.data as Record<string, unknown>) };
    for (const key of sealedKeys(data)) {
      // A consultation's question and answer are sealed under its own key: checked against that key, never read.
      const consultation = (CONSULTATION_SEALED_FIELDS as readonly string[]).includes(key) && typeof data.consultationId === 'string';
      const caseRef = consultation ? consultationKey(data.consultationId as string).caseRef : caseId;
      data[key] = REPLAYED[(await this.sealer.unseal(data[key] as string, { caseRef })).status];
    }
    // People named in the data (advisors, the assigning coordinator, the access log's reader) get this audit's
    // pseudonyms, the same the metadata's actor gets: an auditor can tell who was assigned and who acted.
    for (const key of PEOPLE) if (typeof data[key] === 'string') data[key] = await this.pseudonym(auditId, data[key]);
    const actor = typeof e.metadata.actor === 'string' ? await this.pseudonym(auditId, e.metadata.actor) : null;
    return {
      stream,
      type: e.type,
      version: e.version,
      position: e.position.toString(),
      recordedAt: e.recordedAt.toISOString(),
      actor,
      data,
    };
  }

  private pseudonym(auditId: string, actor: string): Promise<string> {
    return this.platform.privacy.pseudonymizer.pseudonym(auditId, actor);
  }
}

// What an auditor sees of a sealed field: never its content. `foreign`: sealed under another case's key.
const REPLAYED = { ok: 'sealed', erased: 'erased', foreign: 'foreign' } as const;

// The fields of case events and the access log that name a person: an auditor sees them only as pseudonyms.
const PEOPLE = ['advisorId', 'assignedBy', 'fromAdvisorId', 'toAdvisorId', 'actor', 'viewerId', 'colleagueId'];
