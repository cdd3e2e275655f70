import { DomainError, type DomainErrorKind } from '@vertrouwd/domain';
import * as E from './case.errors';

// The kind of each refusal is its HTTP status (not-found 404, unprocessable 422, conflict 409): the statuses
// the case's API has answered with all along.
type Hidden = 'NotAssignedAdvisorError' | 'CaseNotOpenedError';
const KINDS: Record<Exclude<keyof typeof E, Hidden>, DomainErrorKind> = {
  CaseNotFoundError: 'not-found',
  SummaryNotFoundError: 'not-found',
  RevealNotFoundError: 'not-found',
  ConsultationNotFoundError: 'not-found',
  AftercareNotPlannedError: 'not-found',
  ConsentRequiredError: 'unprocessable',
  AdvisorCannotActError: 'unprocessable',
  HandoverPendingError: 'conflict',
  CaseWithdrawnError: 'conflict',
  NoIdentityToRevealError: 'unprocessable',
  ConsultationOfSelfError: 'unprocessable',
  ConsultationAlreadyAnsweredError: 'conflict',
  ConsentNotFoundError: 'not-found',
  ConsentTargetInvalidError: 'unprocessable',
  ConsentAlreadyGivenError: 'conflict',
  ConversationNotFoundError: 'not-found',
  SummaryVersionOutdatedError: 'conflict',
  SummaryVersionUnknownError: 'not-found',
  SummaryNotRevisedError: 'unprocessable',
  HoursNotPositiveError: 'unprocessable',
  HoursInFutureError: 'unprocessable',
  ConversationInvalidError: 'unprocessable',
  TransferToSameAdvisorError: 'unprocessable',
  NotSealedError: 'unprocessable',
  CaseAlreadyOpenedError: 'conflict',
  CaseClosedError: 'conflict',
  CaseNotClosedError: 'conflict',
  CaseErasedError: 'conflict',
  CaseAlreadyAcknowledgedError: 'conflict',
  FeedbackBeforeAcknowledgementError: 'conflict',
  SummaryAlreadySharedError: 'conflict',
  SummaryNotSharedError: 'conflict',
  FormalReportAlreadySupportedError: 'conflict',
};

describe('case errors', () => {
  it.each(Object.entries(KINDS))('%s is a domain error of kind %s, named after its rule', (name, kind) => {
    const error = new E[name as keyof typeof E]();
    expect(error).toBeInstanceOf(DomainError);
    expect([error.kind, error.name]).toEqual([kind, name]);
  });

  it('reads the same for another advisor’s case, a case not opened and no case at all: same kind, rule and message', () => {
    const answers = [new E.NotAssignedAdvisorError(), new E.CaseNotOpenedError(), new E.CaseNotFoundError()].map((error) => [
      error.kind,
      error.name,
      error.message,
    ]);
    expect(answers).toEqual(Array(3).fill(['not-found', 'CaseNotFoundError', 'No such case of yours']));
  });
});
