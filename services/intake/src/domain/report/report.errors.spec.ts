import { DomainError, type DomainErrorKind } from '@vertrouwd/domain';
import * as E from './report.errors';

// The kind of each refusal is its HTTP status: the statuses intake's API has answered with all along.
const KINDS: Record<keyof typeof E, DomainErrorKind> = {
  ReportNotSubmittedError: 'not-found',
  ReportWithdrawnError: 'unprocessable',
  SummaryAlreadyAnsweredError: 'unprocessable',
  ConsentTargetInvalidError: 'unprocessable',
  ConsentAlreadyAnsweredError: 'conflict',
  ReporterDataAlreadyErasedError: 'unprocessable',
  ContentNotSealedError: 'unprocessable',
  ReportAlreadySubmittedError: 'conflict',
  ReportNotWithdrawnError: 'conflict',
  RevealAlreadyAnsweredError: 'conflict',
};

describe('report errors', () => {
  it.each(Object.entries(KINDS))('%s is a domain error of kind %s, named after its rule', (name, kind) => {
    const error = new E[name as keyof typeof E]();
    expect(error).toBeInstanceOf(DomainError);
    expect([error.kind, error.name]).toEqual([kind, name]);
  });
});
