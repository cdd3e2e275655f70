import type { CaseEvent } from './case.events';
import type { Deadline } from './case.values';

// Whistleblower Protection Act (EU directive 2019/1937): acknowledge receipt within 7 days; give feedback
// within 3 months of the acknowledgement, or of the end of those 7 days when receipt was never acknowledged.

export type DeadlineState =
  | { deadline: Deadline; dueAt: string; state: 'pending' }
  | { deadline: Deadline; dueAt: string; state: 'met'; metAt: string }
  | { deadline: Deadline; dueAt: string; state: 'missed'; metAt?: string };

export interface LegalClocks {
  acknowledgement: DeadlineState;
  feedback: DeadlineState;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Calendar months in UTC; a day that the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(at: Date, months: number): Date {
  const target = new Date(at.getTime());
  const day = at.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export function acknowledgementDue(receivedAt: Date): Date {
  return addDays(receivedAt, 7);
}

export function feedbackDue(receivedAt: Date, acknowledgedAt?: Date): Date {
  return acknowledgedAt ? addMonths(acknowledgedAt, 3) : addDays(addMonths(receivedAt, 3), 7);
}

/** The steps that count as feedback to the reporter: a message, a shared summary, or the closing outcome. */
const FEEDBACK_EVENTS: ReadonlySet<CaseEvent['type']> = new Set(['AdvisorMessageSent', 'SummaryShared', 'CaseClosed']);

/** The case's deadlines at `now`, from its events alone (so an auditor's replay gets the same answer). */
export function legalClocks(events: readonly CaseEvent[], now: Date): LegalClocks | undefined {
  const opened = events.find((e) => e.type === 'CaseOpened');
  if (!opened) return undefined;
  const acknowledged = events.find((e) => e.type === 'CaseAcknowledged');
  const feedback = events.find((e) => FEEDBACK_EVENTS.has(e.type));
  const receivedAt = new Date(opened.receivedAt);
  const acknowledgedAt = acknowledged ? new Date(acknowledged.acknowledgedAt) : undefined;
  return {
    acknowledgement: stateOf('acknowledgement', acknowledgementDue(receivedAt), acknowledgedAt, now),
    feedback: stateOf('feedback', feedbackDue(receivedAt, acknowledgedAt), feedback ? new Date(timeOf(feedback)) : undefined, now),
  };
}

export function stateOf(deadline: Deadline, due: Date, doneAt: Date | undefined, now: Date): DeadlineState {
  const dueAt = due.toISOString();
  if (doneAt && doneAt <= due) return { deadline, dueAt, state: 'met', metAt: doneAt.toISOString() };
  if (doneAt) return { deadline, dueAt, state: 'missed', metAt: doneAt.toISOString() };
  return now > due ? { deadline, dueAt, state: 'missed' } : { deadline, dueAt, state: 'pending' };
}

function timeOf(event: CaseEvent): string {
  if (event.type === 'AdvisorMessageSent') return event.sentAt;
  if (event.type === 'SummaryShared') return event.sharedAt;
  if (event.type === 'CaseClosed') return event.closedAt;
  throw new Error('not a feedback event');
}
