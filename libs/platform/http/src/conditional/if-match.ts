import { ProblemType } from '../problem/problem';
import { ProblemException } from '../problem/problem.exception';

/** The request header of a conditional write (RFC 9110 §13.1.1). */
export const IF_MATCH_HEADER = 'If-Match';

/** The response header of a versioned read: the version as a strong entity tag, `"3"`. */
export const ETAG_HEADER = 'ETag';

const STRONG_VERSION = /^"(\d{1,15})"$/;

/** The entity tag of a version: strong, the decimal number in quotes. */
export function entityTagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version a write's `If-Match` names: undefined when there is none or it is `*` (the write is unconditional:
 * the last write wins). A single strong tag of a version is the only other form accepted; anything else is a 400
 * naming the header and the rule, never echoing what was sent.
 */
export function ifMatchVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*') return undefined;
  const version = STRONG_VERSION.exec(value)?.[1];
  if (version !== undefined) return Number(version);
  if (value.includes(',')) throw malformed('singleEntityTag', 'If-Match must name one version, not a list.');
  if (value.startsWith('W/')) throw malformed('strongEntityTag', 'If-Match of a write must be a strong entity tag, not a weak W/ one.');
  throw malformed('quotedVersion', 'If-Match must be the ETag of a read: a version number in double quotes, or *.');
}

function malformed(rule: string, message: string): ProblemException {
  return new ProblemException({
    type: ProblemType.validation,
    title: 'Invalid request',
    status: 400,
    detail: 'The If-Match header is not valid; see errors.',
    errors: [{ field: IF_MATCH_HEADER, rule, message }],
  });
}
