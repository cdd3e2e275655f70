import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import type { DeadlineState } from '../../domain/case/legal-clock';
import { addDays, startOfLocalDay } from '../../domain/case/legal-clock';
import type { Regime } from '../../domain/case/case.values';
import { AUDIT_READ_MODEL, type AuditReadModel, type AuditedCaseRow } from '../ports/audit-read-model.port';
import { CaseLists, viewOf, type Compliance, type Period } from './case-lists.query';

export interface Page {
  limit: number;
  offset: number;
}

/** A case as the auditor's list shows it: metadata and clocks, the advisor as this audit's pseudonym. */
export interface AuditedCaseView {
  caseId: string;
  /** Where its replay is: the case id is what the replay takes. */
  replay: string;
  organisationId: string;
  theme: string;
  regime: Regime;
  status: string;
  advisorId: string | null;
  receivedAt: string;
  acknowledgedAt: string | null;
  feedbackAt: string | null;
  closedAt: string | null;
  clocks: { acknowledgement: DeadlineState; feedback: DeadlineState };
}

export interface AuditedCaseFilter {
  status?: string;
  regime?: Regime;
  /** Only cases with a deadline missed (late or not at all by now). */
  missed?: boolean;
}

/** A read of sealed content as the auditor sees it: the reader as this audit's pseudonym, the reason they stated. */
export interface AccessReadView {
  caseId: string;
  actor: string;
  at: string;
  /** null: read before reasons were asked. */
  reason: string | null;
  fields: string[];
}

/**
 * The auditor's lists of an agency: its cases with their clocks, deadline compliance, and the access log. Metadata
 * only, never sealed content or a name; people as pseudonyms of the audit, the same the replay gives them.
 */
@Injectable()
export class AuditViews {
  constructor(
    @Inject(AUDIT_READ_MODEL) private readonly readModel: AuditReadModel,
    @Inject(PLATFORM) private readonly platform: Platform,
    private readonly lists: CaseLists,
  ) {}

  async cases(auditId: string, agencyId: string, filter: AuditedCaseFilter, page: Page, now: Date) {
    const rows = await this.readModel.casesOfAgency(agencyId, { status: filter.status, regime: filter.regime });
    const views = rows.map((row) => auditedCase(auditId, row, now)).filter((view) => !filter.missed || hasMissed(view));
    const cases = await Promise.all(
      views.slice(page.offset, page.offset + page.limit).map(async (view) => ({
        ...view,
        advisorId: view.advisorId && (await this.pseudonym(auditId, view.advisorId)),
      })),
    );
    return { agencyId, at: now.toISOString(), total: views.length, ...page, cases };
  }

  compliance(agencyId: string, period: Period, now: Date): Promise<Compliance> {
    return this.lists.compliance(agencyId, now, period);
  }

  async accessLog(auditId: string, agencyId: string, where: { caseId?: string; reason?: string } & Period, page: Page) {
    const { from, to, ...rest } = where;
    const { total, reads } = await this.readModel.accessLog(agencyId, { ...rest, ...instantsOf({ from, to }) }, page);
    const log: AccessReadView[] = await Promise.all(
      reads.map(async (read) => ({
        caseId: read.caseId,
        actor: await this.pseudonym(auditId, read.actor),
        at: read.readAt.toISOString(),
        reason: read.reason,
        fields: read.fields,
      })),
    );
    return { agencyId, total, ...page, reads: log };
  }

  private pseudonym(auditId: string, id: string): Promise<string> {
    return this.platform.privacy.pseudonymizer.pseudonym(auditId, id);
  }
}

/** The list entry of a case at `now`, its advisor still the real id (the caller pseudonymises what it shows). */
export function auditedCase(auditId: string, row: AuditedCaseRow, now: Date): AuditedCaseView {
  const view = viewOf(row.clock, now);
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return {
    caseId: row.caseId,
    replay: `/audits/${auditId}/cases/${row.caseId}/replay`,
    organisationId: row.organisationId,
    theme: row.theme,
    regime: row.clock.regime,
    status: row.status,
    advisorId: row.clock.advisorId,
    receivedAt: row.clock.receivedAt.toISOString(),
    acknowledgedAt: iso(row.clock.acknowledgedAt),
    feedbackAt: iso(row.clock.feedbackAt),
    closedAt: iso(row.closedAt),
    clocks: { acknowledgement: view.acknowledgement, feedback: view.feedback },
  };
}

export function hasMissed(view: AuditedCaseView): boolean {
  return view.clocks.acknowledgement.state === 'missed' || view.clocks.feedback.state === 'missed';
}

/** A period of Amsterdam days as instants: from the start of `from` to the start of the day after `to`. */
export function instantsOf(period: Period): { from?: Date; to?: Date } {
  const day = (value: string) => {
    const [year, month, dayOfMonth] = value.split('-').map(Number);
    return { year, month, day: dayOfMonth };
  };
  return {
    ...(period.from ? { from: startOfLocalDay(day(period.from)) } : {}),
    ...(period.to ? { to: startOfLocalDay(addDays(day(period.to), 1)) } : {}),
  };
}
