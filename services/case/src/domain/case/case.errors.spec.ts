import { DomainError, type DomainErrorKind } from '@vertrouwd/domain';
import * as E from './case.errors';

// The kind of each refusal is its HTTP status (not-found 404, unprocessable 422, conflict 409): the statuses
// the case's API has answered with all along.
const KINDS: Record<keyof typeof E, DomainErrorKind> = {
  NotAssignedAdvisorError: 'not-found',
  CaseNotOpenedError: 'not-found',
  SummaryNotFoundError: 'not-found',
  AftercareNotPlannedError: 'not-found',
  ConsentRequiredError: 'unprocessable',
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

  it('reads the same for another advisor’s case as for no case at all', () => {
    expect(new E.NotAssignedAdvisorError().message).toBe('No such case of yours');
    expect(new E.CaseNotOpenedError().message).toBe('No such case of yours');
  });
});
