import { notFound, unprocessable } from '@vertrouwd/domain';

export class YearNotStartedError extends unprocessable('YearNotStartedError', 'That year has not started yet') {}
export class OrganisationUnknownError extends notFound(
  'OrganisationUnknownError',
  'No client organisation by that id is known to reporting',
) {}
