import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { CaseNoticeDispatcher } from '../notifications/case-notice.dispatcher';
import { ADVISOR_DIRECTORY, type AdvisorDirectory } from '../ports/advisor-directory.port';
import { CASE_NOTICES, type CaseNotices } from '../ports/case-notices.port';
import { PENDING_MATCHES, type PendingMatches } from '../ports/pending-matches.port';
import { RECIPIENT_DIRECTORY, type RecipientDirectory } from '../ports/recipient-directory.port';
import { AlertUnmatchedCase, AssignMatchedAdvisor, DeclineAssignment } from './matched-assignment.commands';

/**
 * Assigns matching's choice while nobody acts on the case; a decision for a case not opened yet waits (the report
 * and the decision travel on different topics) and is applied when the case opens. The coordinator's manual
 * assignment stays the override: a decision arriving after it changes nothing.
 */
@CommandHandler(AssignMatchedAdvisor)
export class AssignMatchedAdvisorHandler implements ICommandHandler<AssignMatchedAdvisor, void> {
  constructor(
    private readonly work: CaseWork,
    @Inject(ADVISOR_DIRECTORY) private readonly directory: AdvisorDirectory,
    @Inject(PENDING_MATCHES) private readonly pending: PendingMatches,
  ) {}

  async execute(cmd: AssignMatchedAdvisor): Promise<void> {
    if (!(await this.work.exists(cmd.caseId))) {
      return this.pending.keep({ caseId: cmd.caseId, agencyId: cmd.agencyId, advisorId: cmd.advisorId, round: cmd.round });
    }
    if (!(await this.directory.canAct(cmd.agencyId, cmd.advisorId))) return; // left the agency meanwhile: the case waits for the coordinator
    await this.work.run(cmd.caseId, cmd.context, (c) => {
      if (c.state.opened?.agencyId === cmd.agencyId) c.assignMatched(cmd.advisorId, new Date());
    });
    await this.pending.forget(cmd.caseId);
  }
}

/** Each coordinator of the agency is told, once per case, that matching found nobody (content-free notice). */
@CommandHandler(AlertUnmatchedCase)
export class AlertUnmatchedCaseHandler implements ICommandHandler<AlertUnmatchedCase, void> {
  constructor(
    @Inject(CASE_NOTICES) private readonly notices: CaseNotices,
    @Inject(RECIPIENT_DIRECTORY) private readonly recipients: RecipientDirectory,
    private readonly dispatcher: CaseNoticeDispatcher,
  ) {}

  async execute(cmd: AlertUnmatchedCase): Promise<void> {
    let queued = false;
    for (const userId of await this.recipients.coordinatorsOf(cmd.agencyId)) {
      const notice = {
        noticeKey: `case-unmatched:${cmd.caseId}:${userId}`,
        kind: 'case-unmatched' as const,
        recipient: `user:${userId}`,
        caseId: cmd.caseId,
      };
      queued = (await this.notices.queue(notice)) || queued;
    }
    if (queued) this.dispatcher.kick();
  }
}

@CommandHandler(DeclineAssignment)
export class DeclineAssignmentHandler implements ICommandHandler<DeclineAssignment, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: DeclineAssignment): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.declineAssignment(cmd.advisorId, cmd.conflictWith, new Date()));
  }
}
