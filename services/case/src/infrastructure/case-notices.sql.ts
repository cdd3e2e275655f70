import { Injectable } from '@nestjs/common';
import { enqueueNotice, type QueuedNotice } from '@vertrouwd/notifications';
import { ReadModels } from '@vertrouwd/service-kit';
import type { CaseNotices, DeadlineDueSoon, WaitingCase } from '../application/ports/case-notices.port';

// A deadline whose step is not taken, on an active case with an advisor, not recorded as missed, due in the window.
const DUE = `
  select "caseId", 'acknowledgement' as deadline, "acknowledgementDueAt" as "dueAt", "advisorId" from legal_clocks
   where active and "advisorId" is not null and "acknowledgedAt" is null and not "acknowledgementMissed"
     and "acknowledgementDueAt" > $1 and "acknowledgementDueAt" <= $2
  union all
  select "caseId", 'feedback', "feedbackDueAt", "advisorId" from legal_clocks
   where active and "advisorId" is not null and "feedbackAt" is null and not "feedbackMissed"
     and "feedbackDueAt" > $1 and "feedbackDueAt" <= $2`;

const WAITING = `select "caseId", "agencyId" from case_overview where status = 'waiting-for-assignment' and "receivedAt" < $1`;

/** The notice outbox and the jobs' look-ups, on the case read models. */
@Injectable()
export class SqlCaseNotices implements CaseNotices {
  constructor(private readonly readModels: ReadModels) {}

  queue(notice: QueuedNotice): Promise<boolean> {
    return enqueueNotice(this.readModels.dataSource, notice);
  }

  async deadlinesDue(from: Date, until: Date): Promise<DeadlineDueSoon[]> {
    const rows: DeadlineDueSoon[] = await this.readModels.dataSource.query(DUE, [from, until]);
    return rows.map((row) => ({ ...row, dueAt: new Date(row.dueAt) }));
  }

  waitingSince(before: Date): Promise<WaitingCase[]> {
    return this.readModels.dataSource.query(WAITING, [before]);
  }

  async advisorOf(caseId: string): Promise<string | undefined> {
    const rows: { advisorId: string | null }[] = await this.readModels.dataSource.query(
      'select "advisorId" from case_overview where "caseId" = $1',
      [caseId],
    );
    return rows[0]?.advisorId ?? undefined;
  }
}
