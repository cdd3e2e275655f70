import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { shown, type Sealer, type Shown } from '@vertrouwd/privacy';
import { DATABASE_POOL, SEALER } from '@vertrouwd/runtime';
import type { Report } from '../../domain/report/report.aggregate';
import { ReportRepository } from '../report.repository';

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
    @Inject(DATABASE_POOL) private readonly pool: Pool,
  ) {}

  async status(caseId: string) {
    const report = await this.report(caseId);
    const { rows } = await this.pool.query('select * from report_status where case_id = $1', [caseId]);
    const row = rows[0] ?? {};
    const dates = {
      received: iso(row.received_at) ?? report.state.receivedAt,
      acknowledged: iso(row.acknowledged_at),
      inProgress: iso(row.in_progress_at),
      closed: iso(row.closed_at),
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
    return { caseId, status, dates };
  }

  async messages(caseId: string) {
    const report = await this.report(caseId);
    const { rows } = await this.pool.query<{ message_id: string; sent_at: Date; sealed_body: string }>(
      'select message_id, sent_at, sealed_body from advisor_messages where case_id = $1',
      [caseId],
    );
    const own = report.state.messages.map((m) => ({ messageId: m.messageId, from: 'reporter', sentAt: m.sentAt, sealed: m.sealedBody }));
    const advisor = rows.map((r) => ({ messageId: r.message_id, from: 'advisor', sentAt: r.sent_at.toISOString(), sealed: r.sealed_body }));
    const thread = [...own, ...advisor].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    return { messages: await Promise.all(thread.map(async ({ sealed, ...m }) => ({ ...m, body: await this.open(caseId, sealed) }))) };
  }

  async summaries(caseId: string) {
    const report = await this.report(caseId);
    const { rows } = await this.pool.query<{ summary_id: string; shared_at: Date; sealed_summary: string }>(
      'select summary_id, shared_at, sealed_summary from shared_summaries where case_id = $1 order by shared_at',
      [caseId],
    );
    return {
      summaries: await Promise.all(
        rows.map(async (r) => ({
          summaryId: r.summary_id,
          sharedAt: r.shared_at.toISOString(),
          answer: report.state.summaryAnswers.get(r.summary_id) ?? null,
          text: await this.open(caseId, r.sealed_summary),
        })),
      ),
    };
  }

  private async report(caseId: string): Promise<Report> {
    const report = await this.reports.load(caseId);
    if (!report) throw new NotFoundException('No such report');
    return report;
  }

  // Opened only as this case's: a message or summary sealed under another case's key (a forged or
  // misrouted bus message) reads as refused, never as that case's content.
  private async open(caseId: string, sealed: string): Promise<Text> {
    return shown(await this.sealer.unseal<string>(sealed as never, { caseRef: caseId }));
  }
}
