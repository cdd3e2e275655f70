import { conflict, notFound, unprocessable } from '@vertrouwd/domain';

// Messages name the rule only: they may reach a problem+json answer and must never carry content.
export class ReportAlreadySubmittedError extends conflict('ReportAlreadySubmittedError', 'This report was already submitted') {}
export class ContentNotSealedError extends unprocessable('ContentNotSealedError', 'Personal data enters an event only sealed') {}
export class ReportWithdrawnError extends unprocessable('ReportWithdrawnError', 'The report was withdrawn') {}
export class ReportNotWithdrawnError extends conflict('ReportNotWithdrawnError', 'Only a withdrawn report can be resumed') {}
export class RevealAlreadyAnsweredError extends conflict(
  'RevealAlreadyAnsweredError',
  'This identity reveal request was already answered',
) {}
export class ReportNotSubmittedError extends notFound('ReportNotSubmittedError', 'There is no such report') {}
export class ReporterDataAlreadyErasedError extends unprocessable(
  'ReporterDataAlreadyErasedError',
  "The reporter's personal data was already erased",
) {}
export class SummaryAlreadyAnsweredError extends unprocessable(
  'SummaryAlreadyAnsweredError',
  'This version of the summary was already approved or corrected',
) {}
export class ConsentTargetInvalidError extends unprocessable(
  'ConsentTargetInvalidError',
  'A referral consent names one referral target; a formal-report consent names none',
) {}
export class ConsentAlreadyAnsweredError extends conflict(
  'ConsentAlreadyAnsweredError',
  'This consent was already confirmed, or withdrawn',
) {}
