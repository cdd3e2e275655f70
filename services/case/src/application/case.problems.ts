import { HttpException } from '@nestjs/common';
import { DomainError } from '@vertrouwd/domain';
import { ProblemException, ProblemType } from '@vertrouwd/http';
import { AlreadyShreddedError } from '@vertrouwd/privacy';
import * as E from '../domain/case/case.errors';

// Domain refusals as problem+json. The domain's messages are sentences without personal data, so they are
// the detail as they are. Not being the assigned advisor reads as "no such case": nobody learns it exists.

const UNPROCESSABLE = [
  E.ConsentRequiredError,
  E.HoursNotPositiveError,
  E.HoursInFutureError,
  E.ConversationInvalidError,
  E.TransferToSameAdvisorError,
  E.NotSealedError,
];
const NOT_FOUND = [E.NotAssignedAdvisorError, E.CaseNotOpenedError, E.SummaryNotFoundError, E.AftercareNotPlannedError];

export function caseNotFound(): ProblemException {
  return new ProblemException({ type: ProblemType.notFound, title: 'Not found', status: 404, detail: 'No such case of yours' });
}

export function toProblem(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof AlreadyShreddedError) return problem(409, ProblemType.conflict, 'Conflict', new E.CaseErasedError().message, error);
  if (!(error instanceof DomainError)) return error;
  if (error instanceof E.NotAssignedAdvisorError || error instanceof E.CaseNotOpenedError) return caseNotFound();
  if (NOT_FOUND.some((type) => error instanceof type)) return problem(404, ProblemType.notFound, 'Not found', error.message, error);
  if (UNPROCESSABLE.some((type) => error instanceof type))
    return problem(422, ProblemType.unprocessable, 'Unprocessable', error.message, error);
  return problem(409, ProblemType.conflict, 'Conflict', error.message, error);
}

function problem(status: number, type: string, title: string, detail: string, cause: unknown): ProblemException {
  return new ProblemException({ type, title, status, detail, extensions: { rule: (cause as Error).name } }, { cause });
}
