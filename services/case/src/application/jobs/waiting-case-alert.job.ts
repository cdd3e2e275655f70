import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { CLOCK, IntervalJob, type Clock } from '@vertrouwd/service-kit';
import { CaseNoticeDispatcher } from '../notifications/case-notice.dispatcher';
import { CASE_NOTICES, type CaseNotices } from '../ports/case-notices.port';
import { RECIPIENT_DIRECTORY, type RecipientDirectory } from '../ports/recipient-directory.port';

/** Hours a case may wait for assignment before the coordinators hear of it, unless CASE_WAITING_ALERT_HOURS says. */
export const DEFAULT_WAITING_ALERT_HOURS = 24;

/** Tells each coordinator of the agency, once per case, that a case has waited for assignment too long. */
@Injectable()
export class WaitingCaseAlertJob extends IntervalJob {
  private readonly waitMs: number;

  constructor(
    @Inject(CASE_NOTICES) private readonly notices: CaseNotices,
    @Inject(RECIPIENT_DIRECTORY) private readonly directory: RecipientDirectory,
    private readonly dispatcher: CaseNoticeDispatcher,
    @Inject(PLATFORM) platform: Platform,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
    this.waitMs = Number(platform.config.CASE_WAITING_ALERT_HOURS ?? DEFAULT_WAITING_ALERT_HOURS) * 60 * 60 * 1000;
  }

  async runOnce(now = this.clock()): Promise<number> {
    let queued = 0;
    for (const { caseId, agencyId } of await this.notices.waitingSince(new Date(now.getTime() - this.waitMs))) {
      for (const userId of await this.directory.coordinatorsOf(agencyId)) {
        const notice = {
          noticeKey: `case-waiting:${caseId}:${userId}`,
          kind: 'case-waiting' as const,
          recipient: `user:${userId}`,
          caseId,
        };
        if (await this.notices.queue(notice)) queued += 1;
      }
    }
    if (queued > 0) this.dispatcher.kick();
    return queued;
  }
}
