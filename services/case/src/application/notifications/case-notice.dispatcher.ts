import { Inject, Injectable } from '@nestjs/common';
import { NoticeDispatcher, type PendingNotice, type Resolution } from '@vertrouwd/notifications';
import { CASE_NOTICES, type CaseNotices } from '../ports/case-notices.port';
import { RECIPIENT_DIRECTORY, type RecipientDirectory } from '../ports/recipient-directory.port';

/**
 * Sends the case service's queued notices to advisors and coordinators: the recipient reference is resolved to an
 * address (unsealed from the directory) only for the send. `case-advisor` is whoever holds the case when it is sent.
 */
@Injectable()
export class CaseNoticeDispatcher extends NoticeDispatcher {
  // Properties, not constructor parameters: the constructor's first parameter is the job's clock.
  @Inject(RECIPIENT_DIRECTORY) private readonly directory!: RecipientDirectory;
  @Inject(CASE_NOTICES) private readonly notices!: CaseNotices;

  protected async recipientOf(notice: PendingNotice): Promise<Resolution> {
    const [role, id] = notice.recipient.split(':');
    let advisorId = role === 'advisor' ? id : undefined;
    if (role === 'case-advisor' && notice.caseId) advisorId = await this.notices.advisorOf(notice.caseId);
    const recipient = advisorId
      ? await this.directory.advisor(advisorId)
      : role === 'user' && id
        ? await this.directory.user(id)
        : undefined;
    return recipient ?? { drop: 'no-address' };
  }
}
