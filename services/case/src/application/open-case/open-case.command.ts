import type { OpenCase as Report } from '../../domain/case/case.aggregate';
import type { CommandContext } from '@vertrouwd/service-kit';

/** Opens the case of a submitted report (from intake's `intake.report-submitted.v1`). */
export class OpenCase {
  constructor(
    readonly report: Report,
    readonly context: CommandContext,
  ) {}
}
