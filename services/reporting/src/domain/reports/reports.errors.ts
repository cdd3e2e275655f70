import { conflict, notFound, unprocessable } from '@vertrouwd/domain';

export class ReportNotFoundError extends notFound(
  'ReportNotFoundError',
  'No published report of yours for that organisation, year and publication',
) {}
export class YearNotOverError extends unprocessable('YearNotOverError', 'An annual report is published once its year is over') {}
export class OtherAgencyError extends notFound('OtherAgencyError', 'No client organisation of your agency by that id') {}
export class PublicationRaceError extends conflict(
  'PublicationRaceError',
  'Another publication for this organisation was made meanwhile; publish again',
) {}
