import type { ComposedReport, ComposeRequest } from '../reports/compose-report';

export const REPORT_COMPOSER = Symbol('REPORT_COMPOSER');

/** Computes reports (composeReport): on the calling thread, or on a pool of worker threads with the same result. */
export interface ReportComposer {
  compose(request: ComposeRequest): Promise<ComposedReport>;
}
