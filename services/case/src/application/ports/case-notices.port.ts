import type { QueuedNotice } from '@vertrouwd/notifications';
import type { Deadline } from '../../domain/case/case.values';

/** A legal deadline of an active case, its step not yet taken, due soon. */
export interface DeadlineDueSoon {
  caseId: string;
  deadline: Deadline;
  dueAt: Date;
  advisorId: string;
}

/** A case nobody has been assigned to yet. */
export interface WaitingCase {
  caseId: string;
  agencyId: string;
}

/** The case service's notice outbox and what its jobs look for (implemented with SQL in infrastructure). */
export interface CaseNotices {
  /** Queues a notice; false when one with its key was queued before. */
  queue(notice: QueuedNotice): Promise<boolean>;
  /** Deadlines falling in (from, until] whose step is not taken yet, on active cases with an advisor. */
  deadlinesDue(from: Date, until: Date): Promise<DeadlineDueSoon[]>;
  /** Cases still waiting for assignment that were received before `before`. */
  waitingSince(before: Date): Promise<WaitingCase[]>;
  /** The advisor a case is assigned to now, if any. */
  advisorOf(caseId: string): Promise<string | undefined>;
}
export const CASE_NOTICES = Symbol('CaseNotices');
