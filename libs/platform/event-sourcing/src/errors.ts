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
