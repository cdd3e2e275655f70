import type { Notice } from './notice';

/** Sends notices. Implementations never log the address and never put it in an error. */
export interface Notifier {
  /** Sends one notice; throws `NoticeNotSentError` when the mail server did not take it. */
  send(notice: Notice): Promise<void>;
}

/** The injection token of the service's notifier (undefined when SMTP_URL is not set: notifications are off). */
export const NOTIFIER = Symbol('NOTIFIER');

/** The mail server did not take a notice: the reason is a code only (never the server's text, which may quote the address). */
export class NoticeNotSentError extends Error {
  override readonly name = 'NoticeNotSentError';

  constructor(readonly code: string) {
    super(`The notice was not sent (${code})`);
  }
}
