import { conflict, notFound, unprocessable } from '@vertrouwd/domain';

// Refusals by a case rule (DomainError: retrying the same command cannot succeed). Messages read as sentences and
// never carry personal data: an API shows them as they are. The kind gives the status: conflict 409, unprocessable
// 422, not found 404.

/** No such case, or not one of yours: one answer, so nobody learns that a case they may not see exists. */
export class CaseNotFoundError extends notFound('CaseNotFoundError', 'No such case of yours') {}
export class CaseNotOpenedError extends CaseNotFoundError {}
export class NotAssignedAdvisorError extends CaseNotFoundError {}

export class CaseAlreadyOpenedError extends conflict('CaseAlreadyOpenedError', 'This case is already open') {}
export class CaseClosedError extends conflict('CaseClosedError', 'A closed case can only be reopened or erased') {}
export class CaseNotClosedError extends conflict('CaseNotClosedError', 'Only a closed case can be reopened') {}
export class CaseErasedError extends conflict('CaseErasedError', 'This case was erased') {}
export class CaseAlreadyAcknowledgedError extends conflict('CaseAlreadyAcknowledgedError', 'This case is already acknowledged') {}
export class ConsentRequiredError extends unprocessable(
  'ConsentRequiredError',
  'This step needs the reporter\u2019s live consent to exactly this step and target, or a recorded legal duty',
) {}
export class ConsentNotFoundError extends notFound('ConsentNotFoundError', 'There is no such consent on this case') {}
export class ConsentTargetInvalidError extends unprocessable(
  'ConsentTargetInvalidError',
  'A referral consent names one referral target; a formal-report consent names none',
) {}
export class ConsentAlreadyGivenError extends conflict('ConsentAlreadyGivenError', 'This consent id is already taken on this case') {}
export class ConversationNotFoundError extends notFound('ConversationNotFoundError', 'There is no such conversation on this case') {}
export class SummaryVersionOutdatedError extends conflict(
  'SummaryVersionOutdatedError',
  'A newer version of this summary was shared: answer that one',
) {}
export class SummaryVersionUnknownError extends notFound('SummaryVersionUnknownError', 'This version of the summary was not shared') {}
export class SummaryNotRevisedError extends unprocessable(
  'SummaryNotRevisedError',
  'A revision shares a new text of a summary already shared',
) {}
export class HoursNotPositiveError extends unprocessable(
  'HoursNotPositiveError',
  'Logged time is a positive whole number of minutes, at most a day',
) {}
export class HoursInFutureError extends unprocessable('HoursInFutureError', 'Time cannot be logged for a day in the future') {}
export class TransferToSameAdvisorError extends unprocessable('TransferToSameAdvisorError', 'A transfer goes to another advisor') {}
export class ConversationInvalidError extends unprocessable(
  'ConversationInvalidError',
  'A conversation lasts a positive number of minutes and is not held in the future',
) {}
export class SummaryNotFoundError extends notFound('SummaryNotFoundError', 'There is no such summary on this case') {}
export class SummaryAlreadySharedError extends conflict('SummaryAlreadySharedError', 'This summary was already shared with the reporter') {}
export class SummaryNotSharedError extends conflict('SummaryNotSharedError', 'This summary was not shared with the reporter') {}
export class AftercareNotPlannedError extends notFound('AftercareNotPlannedError', 'Aftercare is recorded against a plan') {}
export class FormalReportAlreadySupportedError extends conflict(
  'FormalReportAlreadySupportedError',
  'This case is already a formal report',
) {}
export class FeedbackBeforeAcknowledgementError extends conflict(
  'FeedbackBeforeAcknowledgementError',
  'Acknowledge receipt of the report before giving feedback on it',
) {}
export class AdvisorCannotActError extends unprocessable(
  'AdvisorCannotActError',
  'The advisor named cannot take this case: not an advisor of this agency who can act on it',
) {}
export class HandoverPendingError extends conflict('HandoverPendingError', 'A handover of this case is already waiting for an answer') {}
export class CaseWithdrawnError extends conflict('CaseWithdrawnError', 'The reporter withdrew this report: only they can resume it') {}
export class NoIdentityToRevealError extends unprocessable(
  'NoIdentityToRevealError',
  'The reporter gave no identity: there is nothing to reveal',
) {}
export class RevealNotFoundError extends notFound('RevealNotFoundError', 'There is no such identity reveal request on this case') {}
export class ConsultationOfSelfError extends unprocessable('ConsultationOfSelfError', 'A second opinion is asked of a colleague') {}
/** Another advisor's consultation, or none: one answer, so nobody learns that it exists. */
export class ConsultationNotFoundError extends notFound('ConsultationNotFoundError', 'No such consultation asked of you') {}
export class ConsultationAlreadyAnsweredError extends conflict(
  'ConsultationAlreadyAnsweredError',
  'This consultation was already answered',
) {}
export class NotSealedError extends unprocessable('NotSealedError', 'Free text enters a case only sealed') {}
