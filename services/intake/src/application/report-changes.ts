import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { outboxFor } from '@vertrouwd/messaging';
import { CONTRACTS } from '@vertrouwd/runtime';
import { currentTraceparent } from '@vertrouwd/telemetry';
import type { Report } from '../domain/report/report.aggregate';
import {
  ReporterDataAlreadyErasedError,
  ReportNotSubmittedError,
  ReportWithdrawnError,
  SummaryAlreadyAnsweredError,
} from '../domain/report/report.errors';
import { translateIntakeEvent } from './integration/intake-events.translator';
import { ReportRepository } from './report.repository';

/** Load, decide, save with the outbox: the path of every reporter command after submission. */
@Injectable()
export class ReportChanges {
  constructor(
    private readonly reports: ReportRepository,
    @Inject(CONTRACTS) private readonly contracts: ContractRegistry,
  ) {}

  /** `beforeSave` runs once the decision stands and before its events are written (e.g. a shred). */
  async change(
    caseId: string,
    correlationId: string,
    decide: (report: Report) => void,
    beforeSave?: (report: Report) => Promise<void>,
  ): Promise<void> {
    const report = await this.reports.load(caseId);
    if (!report) throw new NotFoundException('No such report');
    try {
      decide(report);
    } catch (error) {
      throw asHttp(error);
    }
    await beforeSave?.(report);
    await this.reports.save(report, { correlationId, traceparent: currentTraceparent() }, outboxFor(translateIntakeEvent, this.contracts));
  }
}

// Domain messages name the rule, never content, so they may be the problem's detail.
function asHttp(error: unknown): unknown {
  if (error instanceof ReportNotSubmittedError) return new NotFoundException(error.message);
  if (
    error instanceof ReportWithdrawnError ||
    error instanceof SummaryAlreadyAnsweredError ||
    error instanceof ReporterDataAlreadyErasedError
  )
    return new UnprocessableEntityException(error.message);
  return error;
}
