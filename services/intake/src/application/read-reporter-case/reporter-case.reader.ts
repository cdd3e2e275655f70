import { Inject, Injectable } from '@nestjs/common';
import { shown, type Sealer, type Shown } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import { CLOCK, type Clock } from '@vertrouwd/service-kit';
import { answerKey, type Report, type ReporterConsent } from '../../domain/report/report.aggregate';
import { ReportNotFoundError } from '../intake.errors';
import { INTAKE_READ_MODEL, type IntakeReadModel } from '../ports/intake-read-model.port';
import { ReportRepository } from '../report.repository';
import { reporterDeadlines } from './reporter-deadlines';

/** A text, `erased` once its key was shredded, or `refused` if it was sealed for another case. */
type Text = Shown<string>;
const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/**
 * What a reporter reads of their own case, unsealed for them only. Their own messages come from their
 * report's stream; the advisor's, the summaries and the dates from the read models fed by case's events.
 */
@Injectable()
export class ReporterCaseReader {
  constructor(
    private readonly reports: ReportRepository,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(INTAKE_READ_MODEL) private readonly readModel: IntakeReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async status(caseId: string) {
    const report = await this.report(caseId);
    const progress = await this.readModel.progress(caseId);
    const dates = {
      received: iso(progress?.receivedAt) ?? report.state.receivedAt,
      acknowledged: iso(progress?.acknowledgedAt),
      inProgress: iso(progress?.inProgressAt),
      closed: iso(progress?.closedAt),
      withdrawn: report.state.withdrawnAt ?? null,
    };
    const status = dates.withdrawn
      ? 'withdrawn'
      : dates.closed
        ? 'closed'
        : dates.inProgress
          ? 'in-progress'
          : dates.acknowledged
            ? 'acknowledged'
            : 'received';
    const deadlines = reporterDeadlines(progress, report.state, this.clock());
    return { caseId, status, dates, deadlines };
  }

  async messages(caseId: string) {
    const report = await this.report(caseId);
    const rows = await this.readModel.advisorMessages(caseId);
    const own = report.state.messages.map((m) => ({
      messageId: m.messageId,
      from: 'reporter',
      kind: 'message',
      sentAt: m.sentAt,
      sealed: m.sealedBody,
    }));
    // The advisor's messages and feedback (what was done with the report: the step the Wbk's 3 months ask for).
    const advisor = rows.map((r) => ({ messageId: r.id, from: 'advisor', kind: r.kind, sentAt: r.at.toISOString(), sealed: r.sealed }));
    const thread = [...own, ...advisor].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    return { messages: await Promise.all(thread.map(async ({ sealed, ...m }) => ({ ...m, body: await this.open(caseId, sealed) }))) };
  }

  /**
   * Each summary with every version shared (Art. 18: check, correct, agree): the latest version's text and answer
   * up front (as before versions), `versions` oldest first, and which version the reporter approved.
   */
  async summaries(caseId: string) {
    const report = await this.report(caseId);
    const rows = await this.readModel.sharedSummaries(caseId);
    const answers = report.state.summaryAnswers;
    const bySummary = new Map<string, typeof rows>();
    for (const row of rows) bySummary.set(row.id, [...(bySummary.get(row.id) ?? []), row]);
    return {
      summaries: await Promise.all(
        [...bySummary].map(async ([summaryId, shared]) => {
          const versions = await Promise.all(
            [...shared]
              .sort((a, b) => a.version - b.version)
              .map(async (r) => ({
                version: r.version,
                sharedAt: r.at.toISOString(),
                answer: answers.get(answerKey(summaryId, r.version)) ?? null,
                text: await this.open(caseId, r.sealed),
              })),
          );
          const latest = versions[versions.length - 1];
          const approved = versions.filter((v) => v.answer === 'approved').pop();
          return {
            summaryId,
            sharedAt: latest.sharedAt,
            version: latest.version,
            answer: latest.answer,
            text: latest.text,
            approvedVersion: approved?.version ?? null,
            versions,
          };
        }),
      ),
    };
  }

  /**
   * The reporter's consents: given by them, or recorded by their advisor from a conversation (to confirm or
   * withdraw); each with its status. And the legal duties that overrode consent, with the advisor's explanation.
   */
  async consents(caseId: string) {
    const report = await this.report(caseId);
    const own = report.state.consents;
    const recorded = await this.readModel.recordedConsents(caseId);
    const status = (c: ReporterConsent | undefined, given: boolean) =>
      c?.withdrawnAt ? 'withdrawn' : given || c?.confirmedAt ? 'given' : 'awaiting-your-confirmation';
    const mine = [...own]
      .filter(([, c]) => c.given)
      .map(([consentId, c]) => ({
        consentId,
        scope: c.given!.scope,
        referralType: c.given!.referralType ?? null,
        recordedBy: 'reporter' as const,
        conversationId: null,
        at: c.given!.givenAt,
        status: status(c, true),
        withdrawnAt: c.withdrawnAt ?? null,
      }));
    const theirs = recorded.map((r) => {
      const c = own.get(r.consentId);
      return {
        consentId: r.consentId,
        scope: r.scope,
        referralType: r.referralType,
        recordedBy: 'advisor' as const,
        conversationId: r.conversationId,
        at: r.recordedAt.toISOString(),
        status: status(c, false),
        withdrawnAt: c?.withdrawnAt ?? null,
      };
    });
    const duties = await this.readModel.legalDuties(caseId);
    return {
      consents: [...mine, ...theirs].sort((a, b) => a.at.localeCompare(b.at)),
      legalDuties: await Promise.all(
        duties.map(async (d) => ({
          dutyId: d.dutyId,
          reason: d.reason,
          scope: d.scope,
          referralType: d.referralType,
          invokedAt: d.invokedAt.toISOString(),
          explanation: await this.open(caseId, d.sealedExplanation),
        })),
      ),
    };
  }

  /** The requests to reveal the reporter's identity: who would see it, why, and what was decided (by them or their agreement). */
  async identityReveals(caseId: string) {
    await this.report(caseId);
    const rows = await this.readModel.identityReveals(caseId);
    return {
      identityReveals: await Promise.all(
        rows.map(async (r) => ({
          revealId: r.id,
          viewer: r.viewer,
          requestedAt: r.at.toISOString(),
          reason: await this.open(caseId, r.sealed),
          decision: r.decision,
          decidedBy: r.decidedBy,
          decidedAt: iso(r.decidedAt),
        })),
      ),
    };
  }

  private async report(caseId: string): Promise<Report> {
    const report = await this.reports.load(caseId);
    if (!report) throw new ReportNotFoundError();
    return report;
  }

  // Opened only as this case's: a message or summary sealed under another case's key (a forged or
  // misrouted bus message) reads as refused, never as that case's content.
  private async open(caseId: string, sealed: string): Promise<Text> {
    return shown(await this.sealer.unseal<string>(sealed as never, { caseRef: caseId }));
  }
}
