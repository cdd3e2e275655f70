import { Inject, Injectable } from '@nestjs/common';
import { NoticeDispatcher, noticeLanguage, type PendingNotice, type Resolution } from '@vertrouwd/notifications';
import type { Sealer } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import type { ContactDetails } from '../submit-report/submit-report.command';
import { ReportRepository } from '../report.repository';

/**
 * Sends the reporter's queued "there is news" notices. The address is unsealed here, for the send only, from the
 * report's contact (sealed under the reporter's own key): no e-mail given, or the reporter's data erased (the key
 * shredded), and the notice is dropped, never sent. The language is the one the reporter filled the form in.
 */
@Injectable()
export class ReporterNoticeDispatcher extends NoticeDispatcher {
  // Properties, not constructor parameters: the constructor's first parameter is the job's clock.
  @Inject(ReportRepository) private readonly reports!: ReportRepository;
  @Inject(SEALER) private readonly sealer!: Sealer;

  protected async recipientOf(notice: PendingNotice): Promise<Resolution> {
    const report = notice.caseId ? await this.reports.load(notice.caseId) : undefined;
    const facts = report?.state.facts;
    if (!report || !facts) return { drop: 'no-report' };
    if (report.state.reporterDataErasedAt) return { drop: 'erased' };
    const sealedContact = report.state.sealedContact;
    if (!sealedContact) return { drop: 'no-address' };
    const contact = await this.sealer.unseal<ContactDetails>(sealedContact, { caseRef: facts.caseId });
    if (contact.status !== 'ok') return { drop: contact.status === 'erased' ? 'erased' : 'foreign' };
    if (!contact.value.email) return { drop: 'no-address' };
    return { address: contact.value.email, language: noticeLanguage(facts.language) };
  }
}
