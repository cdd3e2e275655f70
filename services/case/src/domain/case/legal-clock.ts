import { deadlinesAt, type DeadlineState as State } from '@vertrouwd/domain';
import type { CaseEvent, ReportResumed } from './case.events';
import { UNWANTED_BEHAVIOUR_THEMES, type Deadline, type Regime, type Theme } from './case.values';

// The law's deadlines and their Dutch calendar days live in @vertrouwd/domain (legal-deadlines.ts), one
// implementation for the case's clocks and for what intake shows the reporter; here, what of a case's history
// starts, meets and stops them, and under which regime.
export {
  acknowledgementDue,
  addDays,
  addMonths,
  endOfLocalDay,
  feedbackDue,
  localDayOf,
  startOfLocalDay,
  stateOf,
  type LocalDay,
} from '@vertrouwd/domain';

export type DeadlineState = State<Deadline>;

export interface LegalClocks {
  /** `wbk`: the law's deadlines; `service-standard`: the agency's own standard, the same days, not law. */
  regime: Regime;
  acknowledgement: DeadlineState;
  feedback: DeadlineState;
}

/**
 * The regime of a case: the Wbk's deadlines bind reports of a suspected wrong (every theme but unwanted behaviour
 * and "not sure") and any case in which the advisor supports a formal report; for unwanted-behaviour
 * consultations the same days are the agency's service standard.
 */
export function regimeOf(theme: Theme, formalReport: boolean): Regime {
  const consultation = UNWANTED_BEHAVIOUR_THEMES.includes(theme) || theme === 'not-sure';
  return formalReport || !consultation ? 'wbk' : 'service-standard';
}

/** The case's deadlines at `now`, from its events alone (so an auditor's replay gets the same answer as the watch). */
export function legalClocks(events: readonly CaseEvent[], now: Date): LegalClocks | undefined {
  const opened = events.find((e) => e.type === 'CaseOpened');
  if (!opened) return undefined;
  // A report the reporter resumed after withdrawing it starts its clocks again, as if received at the resumption.
  const resumed = events.findLastIndex((e) => e.type === 'ReportResumed');
  const cycle = resumed < 0 ? events : events.slice(resumed + 1);
  const start = resumed < 0 ? opened.receivedAt : (events[resumed] as ReportResumed).resumedAt;
  const acknowledged = cycle.find((e) => e.type === 'CaseAcknowledged');
  const feedback = cycle.find((e) => e.type === 'FeedbackGiven');
  const formalReport = events.some((e) => e.type === 'FormalReportSupported');
  const clocks = deadlinesAt(
    {
      clocksFrom: new Date(start),
      acknowledgedAt: acknowledged ? new Date(acknowledged.acknowledgedAt) : undefined,
      feedbackAt: feedback ? new Date(feedback.givenAt) : undefined,
      stoppedAt: stopOf(cycle),
    },
    now,
  );
  return { regime: regimeOf(opened.theme, formalReport), ...clocks };
}

/** When the clocks stopped: the reporter's withdrawal or the erasure of the case, whichever came first. */
function stopOf(events: readonly CaseEvent[]): Date | undefined {
  for (const event of events) {
    if (event.type === 'ReportWithdrawn') return new Date(event.withdrawnAt);
    if (event.type === 'CaseErased') return new Date(event.erasedAt);
  }
  return undefined;
}
