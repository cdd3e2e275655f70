import type { ExpectedVersion, StreamId } from './event-store.port';

/** The stream was not at the version the writer expected; carries the actual version (-1: no stream). */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';

  constructor(
    readonly streamId: StreamId,
    readonly expected: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId}: expected version ${String(expected)}, actual ${actualVersion < 0 ? 'no stream' : actualVersion}`);
  }
}

/**
 * The caller's precondition (`If-Match`) names a version the aggregate is no longer at: it changed since the caller
 * read it. Raised before deciding, so nothing is written. Carries no versions: the caller needs only "reload".
 */
export class StaleVersionError extends Error {
  override readonly name = 'StaleVersionError';

  constructor() {
    super('The resource changed since it was read');
  }
}

/** Some but not all of the appended event ids are already in the stream. */
export class PartialIdempotentAppendError extends Error {
  override readonly name = 'PartialIdempotentAppendError';

  constructor(readonly streamId: StreamId) {
    super(`Stream ${streamId}: some of the appended event ids are already in the stream, others are not`);
  }
}

export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}
