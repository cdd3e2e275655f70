import { deadlinesAt, type DeadlineState } from '@vertrouwd/domain';
import type { CaseProgress } from '../ports/intake-read-model.port';

/** A deadline as the reporter reads it: when it is due, where it stands, and when its step came (if it did). */
export interface ReporterDeadline {
  dueAt: string;
  state: DeadlineState['state'];
  metAt: string | null;
}

export interface ReporterDeadlines {
  acknowledgement: ReporterDeadline;
  feedback: ReporterDeadline;
}

/** What of the reporter's own report the deadlines need: its receipt, and their withdrawal while it stands. */
export interface OwnReport {
  receivedAt: string;
  withdrawnAt: string | undefined;
}

/**
 * The case's two deadlines at `now`, by the rules case keeps its clocks with (`deadlinesAt`), from what case's events
 * told intake: the clocks start at receipt (intake's own until case opened the case) or at the resumption that
 * restarted them; the first acknowledgement and feedback since then meet them. The reporter's withdrawal stops them
 * once case closed the case for it: the closure at the instant of their withdrawal. Case ignores a withdrawal of a
 * case already closed, and a counsellor's closure with the outcome `withdrawn` stops nothing; neither does here.
 */
export function reporterDeadlines(progress: CaseProgress | undefined, report: OwnReport, now: Date): ReporterDeadlines {
  const closedAt = progress?.closedAt?.toISOString();
  const withdrawalClosed = closedAt !== undefined && closedAt === report.withdrawnAt;
  const clocks = deadlinesAt(
    {
      clocksFrom: progress?.clocksFrom ?? progress?.receivedAt ?? new Date(report.receivedAt),
      acknowledgedAt: progress?.clockAcknowledgedAt ?? undefined,
      feedbackAt: progress?.clockFeedbackAt ?? undefined,
      stoppedAt: withdrawalClosed ? progress!.closedAt! : undefined,
    },
    now,
  );
  return { acknowledgement: shown(clocks.acknowledgement), feedback: shown(clocks.feedback) };
}

function shown(deadline: DeadlineState): ReporterDeadline {
  const metAt = deadline.state === 'met' || deadline.state === 'missed' ? (deadline.metAt ?? null) : null;
  return { dueAt: deadline.dueAt, state: deadline.state, metAt };
}
