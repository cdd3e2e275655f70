// Errors read as sentences and never carry personal data: an API may show their message as it is.

/** Base of every refusal by a case rule: retrying the same command cannot succeed. */
export abstract class CaseRuleError extends Error {}

const rule = (name: string, message: string) =>
  class extends CaseRuleError {
    override readonly name = name;
    constructor() {
      super(message);
    }
  };

export class CaseNotOpenedError extends rule('CaseNotOpenedError', 'This case has not been opened') {}
export class CaseAlreadyOpenedError extends rule('CaseAlreadyOpenedError', 'This case is already open') {}
export class NotAssignedAdvisorError extends rule('NotAssignedAdvisorError', 'Only the assigned advisor acts on this case') {}
export class CaseNotAssignedError extends rule('CaseNotAssignedError', 'This case has no advisor yet') {}
export class CaseClosedError extends rule('CaseClosedError', 'A closed case can only be reopened or erased') {}
export class CaseNotClosedError extends rule('CaseNotClosedError', 'Only a closed case can be reopened') {}
export class CaseErasedError extends rule('CaseErasedError', 'This case was erased') {}
export class CaseAlreadyAcknowledgedError extends rule('CaseAlreadyAcknowledgedError', 'This case is already acknowledged') {}
export class ConsentRequiredError extends rule('ConsentRequiredError', 'This step needs the reporter\u2019s recorded consent first') {}
export class HoursNotPositiveError extends rule(
  'HoursNotPositiveError',
  'Logged time is a positive whole number of minutes, at most a day',
) {}
export class HoursInFutureError extends rule('HoursInFutureError', 'Time cannot be logged for a day in the future') {}
export class TransferToSameAdvisorError extends rule('TransferToSameAdvisorError', 'A transfer goes to another advisor') {}
export class ConversationInvalidError extends rule(
  'ConversationInvalidError',
  'A conversation lasts a positive number of minutes and is not held in the future',
) {}
export class SummaryNotFoundError extends rule('SummaryNotFoundError', 'There is no such summary on this case') {}
export class SummaryAlreadySharedError extends rule('SummaryAlreadySharedError', 'This summary was already shared with the reporter') {}
export class SummaryNotSharedError extends rule('SummaryNotSharedError', 'This summary was not shared with the reporter') {}
export class AftercareNotPlannedError extends rule('AftercareNotPlannedError', 'Aftercare is recorded against a plan') {}
export class FormalReportAlreadySupportedError extends rule('FormalReportAlreadySupportedError', 'This case is already a formal report') {}
export class NotSealedError extends rule('NotSealedError', 'Free text enters a case only sealed') {}
