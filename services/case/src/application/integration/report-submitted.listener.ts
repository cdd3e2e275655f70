import { Injectable } from '@nestjs/common';
import {
  ConsentConfirmedV1,
  ConsentGivenV1,
  ConsentWithdrawnV1,
  ReportSubmittedV1,
  ReportWithdrawnV1,
  ReportResumedV1,
  IdentityRevealAnsweredV1,
  ReporterMessageSentV1,
  SummaryApprovedV1,
  SummaryCorrectedV1,
  topicOf,
} from '@vertrouwd/contracts';
import { CommandListener } from '@vertrouwd/service-kit';
import { commandFor } from './intake-commands';

/**
 * Intake's events → case commands, at least once: opening ignores a case that exists, and the reporter-side rules
 * take each message, approval and correction once. A refusal by a case rule (say, a message on a closed case) is
 * dead-lettered with the rule's code (the kit's policy); anything else is retried by the bus.
 */
@Injectable()
export class ReportSubmittedListener extends CommandListener {
  readonly topics = [
    ReportSubmittedV1,
    ReporterMessageSentV1,
    SummaryApprovedV1,
    SummaryCorrectedV1,
    ReportWithdrawnV1,
    ReportResumedV1,
    IdentityRevealAnsweredV1,
    ConsentGivenV1,
    ConsentConfirmedV1,
    ConsentWithdrawnV1,
  ].map(topicOf);
  readonly commandFor = commandFor;
}
