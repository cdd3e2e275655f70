/**
 * How a refusal reads at any edge: `conflict` (the state does not allow it now: 409), `unprocessable` (the
 * request breaks a rule whatever the state: 422), `not-found` (404, also for what the caller must not learn
 * exists), `forbidden` (403), `unauthenticated` (the caller's proof did not match: 401), `too-many` (too many
 * attempts: 429, see {@link TooManyAttemptsError}) and `unavailable` (a part the use case needs is not there: 503).
 */
export type DomainErrorKind = 'conflict' | 'unprocessable' | 'not-found' | 'forbidden' | 'unauthenticated' | 'too-many' | 'unavailable';

/**
 * A refusal by a domain rule. Retrying the same command cannot succeed. The message is a sentence that names
 * the rule and never carries content, so an API may show it as it is; `name` is the rule's code.
 */
export abstract class DomainError extends Error {
  protected constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
  }
}

type DomainErrorClass = new () => DomainError;

function refusal(kind: DomainErrorKind, name: string, message: string): DomainErrorClass {
  return class extends DomainError {
    override readonly name = name;
    constructor() {
      super(kind, message);
    }
  };
}

/** A rule that the current state refuses (409), e.g. `class CaseClosedError extends conflict('CaseClosedError', '…') {}`. */
export const conflict = (name: string, message: string) => refusal('conflict', name, message);
/** A rule that the request itself breaks (422). */
export const unprocessable = (name: string, message: string) => refusal('unprocessable', name, message);
/** Nothing of the caller's by that id (404). */
export const notFound = (name: string, message: string) => refusal('not-found', name, message);
/** The caller may not do this (403). */
export const forbidden = (name: string, message: string) => refusal('forbidden', name, message);
/** The caller's proof (a receipt and passphrase, say) did not match (401). */
export const unauthenticated = (name: string, message: string) => refusal('unauthenticated', name, message);
/** A part the use case needs is not configured or not reachable (503). */
export const unavailable = (name: string, message: string) => refusal('unavailable', name, message);

/** Too many attempts: try again after `retryAfterSeconds` (429 with Retry-After at the HTTP edge). */
export class TooManyAttemptsError extends DomainError {
  override readonly name = 'TooManyAttemptsError';

  constructor(readonly retryAfterSeconds: number) {
    super('too-many', 'Too many requests; retry later.');
  }
}
