import { Inject, Injectable } from '@nestjs/common';
import { REGIMES } from '@vertrouwd/contracts';
import { localDayOf, stateOf, type DeadlineState } from '../../domain/case/legal-clock';
import { ADVISOR_DIRECTORY, type AdvisorDirectory } from '../ports/advisor-directory.port';
import type { CaseOverview } from '../projections/case-overview/case-overview.read-model';
import type { Deadline, Regime } from '../../domain/case/case.values';
import { DEADLINES } from '../../domain/case/case.values';
import type { LegalClock } from '../projections/legal-clocks/legal-clocks.read-model';
import { CASE_READ_MODEL, RETENTION_SETTINGS, type CaseReadModel, type RetentionSettings } from '../ports/case-read-model.port';

export type DeadlineFilter = 'due' | 'overdue';
/** A case of the advisor's list: its overview and, once they run, its legal clocks. */
export type AdvisorCase = CaseOverview & { clocks?: Omit<DeadlineView, 'caseId' | 'advisorId'> };
export interface DeadlineView {
  caseId: string;
  advisorId: string | null;
  regime: Regime;
  acknowledgement: DeadlineState;
  feedback: DeadlineState;
}

/** Metadata lists from the read models: what coordinators and advisors see without opening a case. */
@Injectable()
export class CaseLists {
  constructor(
    @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel,
    @Inject(RETENTION_SETTINGS) private readonly retention: RetentionSettings,
    @Inject(ADVISOR_DIRECTORY) private readonly directory: AdvisorDirectory,
  ) {}

  forAgency(agencyId: string, status?: string): Promise<CaseOverview[]> {
    return this.readModel.casesOfAgency(agencyId, status);
  }

  /** The advisor's cases, each with its legal clocks at `now` (met and stopped ones too; none before they start). */
  async forAdvisor(advisorId: string, now: Date): Promise<AdvisorCase[]> {
    const cases = await this.readModel.casesOfAdvisor(advisorId);
    const clocks = new Map((await this.readModel.clocksOfCases(cases.map((c) => c.caseId))).map((row) => [row.caseId, row]));
    return cases.map((c) => {
      const row = clocks.get(c.caseId);
      if (!row) return c;
      const { regime, acknowledgement, feedback } = viewOf(row, now);
      return { ...c, clocks: { regime, acknowledgement, feedback } };
    });
  }

  /** Handovers offered to this advisor, waiting for their answer (case metadata only). */
  handoversTo(advisorId: string): Promise<CaseOverview[]> {
    return this.readModel.handoversTo(advisorId);
  }

  /**
   * The coordinator's queue: live cases that need someone. Waiting for an assignment; with a handover offered and
   * not yet answered; or with an advisor who cannot act on it (no longer an advisor of this agency in the directory).
   */
  async attention(agencyId: string): Promise<Attention> {
    const live = await this.readModel.liveCasesOfAgency(agencyId);
    const cannotAct: CaseOverview[] = [];
    for (const c of live) {
      if (c.advisorId && !(await this.directory.canAct(agencyId, c.advisorId))) cannotAct.push(c);
    }
    return {
      waitingForAssignment: live.filter((c) => c.status === 'waiting-for-assignment'),
      handoverPending: live.filter((c) => c.handoverTo !== null),
      advisorCannotAct: cannotAct,
    };
  }

  /** The agency's retention period; null while none is set (then no case of the agency is erased by time). */
  async retentionOf(agencyId: string): Promise<{ agencyId: string; monthsAfterClosure: number | null }> {
    return { agencyId, monthsAfterClosure: await this.retention.monthsAfterClosure(agencyId) };
  }

  async setRetention(agencyId: string, monthsAfterClosure: number): Promise<{ agencyId: string; monthsAfterClosure: number }> {
    await this.retention.setMonthsAfterClosure(agencyId, monthsAfterClosure);
    return { agencyId, monthsAfterClosure };
  }

  /**
   * Deadlines of cases whose clocks run (not withdrawn or erased; a closed case still owes feedback): `due` still
   * pending, `overdue` missed. Without a filter, every case with a deadline still pending or missed.
   */
  async deadlines(
    where: { agencyId?: string; advisorId?: string },
    filter: DeadlineFilter | undefined,
    now: Date,
  ): Promise<DeadlineView[]> {
    const rows = await this.readModel.activeClocks(where);
    const wanted = filter === 'due' ? ['pending'] : filter === 'overdue' ? ['missed'] : ['pending', 'missed'];
    return rows
      .map((row) => viewOf(row, now))
      .filter((view) => wanted.includes(view.acknowledgement.state) || wanted.includes(view.feedback.state));
  }

  /**
   * How the agency's cases stand against each deadline, per regime: how many met, missed, pending and stopped
   * (counts of case metadata only). `wbk` is the law; `service-standard` the agency's own promise.
   */
  async compliance(agencyId: string, now: Date, period?: Period): Promise<Compliance> {
    const counts = complianceCounts(await this.readModel.clocksOfAgency(agencyId), now, period);
    return { agencyId, at: now.toISOString(), ...(period ? { period } : {}), counts };
  }
}

/** Calendar days in Amsterdam, both ends included; an end left out is open. */
export interface Period {
  from?: string;
  to?: string;
}

/**
 * Counts each deadline's state at `now`, per regime and deadline. With a period, only deadlines due on a day of
 * the period count (the Amsterdam day the deadline ends on, as the law counts days), whatever day the case came in.
 */
export function complianceCounts(clocks: readonly LegalClock[], now: Date, period?: Period): Compliance['counts'] {
  const counts = Object.fromEntries(
    REGIMES.map((regime) => [regime, Object.fromEntries(DEADLINES.map((d) => [d, { met: 0, missed: 0, pending: 0, stopped: 0 }]))]),
  ) as Compliance['counts'];
  for (const view of clocks.map((row) => viewOf(row, now))) {
    for (const deadline of DEADLINES) {
      if (period && !within(new Date(view[deadline].dueAt), period)) continue;
      counts[view.regime][deadline][view[deadline].state] += 1;
    }
  }
  return counts;
}

function within(at: Date, period: Period): boolean {
  const { year, month, day } = localDayOf(at);
  const local = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return (!period.from || local >= period.from) && (!period.to || local <= period.to);
}

export interface Attention {
  waitingForAssignment: CaseOverview[];
  handoverPending: CaseOverview[];
  advisorCannotAct: CaseOverview[];
}

export interface Compliance {
  agencyId: string;
  at: string;
  period?: Period;
  counts: Record<Regime, Record<Deadline, Record<DeadlineState['state'], number>>>;
}

export function viewOf(row: LegalClock, now: Date): DeadlineView {
  const stoppedAt = row.stoppedAt ?? undefined;
  return {
    caseId: row.caseId,
    advisorId: row.advisorId,
    regime: row.regime,
    acknowledgement: stateOf('acknowledgement', row.acknowledgementDueAt, row.acknowledgedAt ?? undefined, now, stoppedAt),
    feedback: stateOf('feedback', row.feedbackDueAt, row.feedbackAt ?? undefined, now, stoppedAt),
  };
}
