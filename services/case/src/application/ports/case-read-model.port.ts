import type { Deadline } from '../../domain/case/case.values';
import type { CaseOverview } from '../projections/case-overview/case-overview.read-model';
import type { LegalClock } from '../projections/legal-clocks/legal-clocks.read-model';

/** A legal deadline whose due time passed while its step came late or not at all, not recorded yet. */
export interface OverdueDeadline {
  caseId: string;
  deadline: Deadline;
  dueAt: Date;
}

/** What the use cases read from the case read models (implemented with SQL in infrastructure). */
export interface CaseReadModel {
  casesOfAgency(agencyId: string, status?: string): Promise<CaseOverview[]>;
  casesOfAdvisor(advisorId: string): Promise<CaseOverview[]>;
  /** Cases whose handover is offered to this advisor, waiting for their answer. */
  handoversTo(advisorId: string): Promise<CaseOverview[]>;
  /** The agency's cases that are not closed or erased, oldest first. */
  liveCasesOfAgency(agencyId: string): Promise<CaseOverview[]>;
  /** The legal clocks of active cases, oldest first. */
  activeClocks(where: { agencyId?: string; advisorId?: string }): Promise<LegalClock[]>;
  /** The legal clocks of every case of the agency, stopped ones included. */
  clocksOfAgency(agencyId: string): Promise<LegalClock[]>;
  /** The legal clocks of these cases, stopped ones included. */
  clocksOfCases(caseIds: readonly string[]): Promise<LegalClock[]>;
  /** Deadlines missed by `now` on active cases, not yet recorded as missed. */
  overdueDeadlines(now: Date): Promise<OverdueDeadline[]>;
  /** Closed cases whose agency's retention period has run out by `now`. */
  casesPastRetention(now: Date): Promise<string[]>;
}
export const CASE_READ_MODEL = Symbol('CaseReadModel');

/** An agency's retention period: months after closure before a case is erased; null while none is set. */
export interface RetentionSettings {
  monthsAfterClosure(agencyId: string): Promise<number | null>;
  setMonthsAfterClosure(agencyId: string, months: number): Promise<void>;
}
export const RETENTION_SETTINGS = Symbol('RetentionSettings');
