import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, IntervalJob, type Clock } from '@vertrouwd/service-kit';
import { CaseNoticeDispatcher } from '../notifications/case-notice.dispatcher';
import { CASE_NOTICES, type CaseNotices } from '../ports/case-notices.port';

/** How long before a deadline its advisor is reminded. */
export const REMINDER_BEFORE_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Reminds the advisor of a legal deadline two days before it falls, once per deadline (the notice's key is the case,
 * the deadline and its due time: a due date that moves, e.g. on acknowledgement, is a new deadline).
 */
@Injectable()
export class DeadlineReminderJob extends IntervalJob {
  constructor(
    @Inject(CASE_NOTICES) private readonly notices: CaseNotices,
    private readonly dispatcher: CaseNoticeDispatcher,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
  }

  async runOnce(now = this.clock()): Promise<number> {
    let queued = 0;
    for (const { caseId, deadline, dueAt, advisorId } of await this.notices.deadlinesDue(
      now,
      new Date(now.getTime() + REMINDER_BEFORE_MS),
    )) {
      const noticeKey = `deadline-near:${caseId}:${deadline}:${dueAt.getTime()}`;
      if (await this.notices.queue({ noticeKey, kind: 'deadline-near', recipient: `advisor:${advisorId}`, caseId })) queued += 1;
    }
    if (queued > 0) this.dispatcher.kick();
    return queued;
  }
}
