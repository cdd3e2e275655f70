import { NOTICE_KINDS, type NoticeKind } from '../notice';

/** Anything that runs SQL: a TypeORM EntityManager or DataSource, a pg client (inside the caller's transaction). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A notice to send, as the outbox keeps it: a reference to its recipient, never an address. */
export interface QueuedNotice {
  /** What makes it once: the id of the event it is about, or e.g. `deadline-near:<case>:<deadline>:<due>`. */
  noticeKey: string;
  kind: NoticeKind;
  /** An opaque reference the sending service resolves, e.g. `reporter`, `advisor:<id>`, `user:<id>`. */
  recipient: string;
  caseId?: string;
}

// A reference is a role and ids: an address (or any text with '@' or spaces) is refused before it is written.
const REFERENCE = /^[a-z][a-z-]*(:[A-Za-z0-9-]+)*$/;
const KEY = /^[A-Za-z0-9:._-]{1,200}$/;

/** Refused before anything is written: a reference or key that could hold an address or other text. */
export class NoticeReferenceError extends Error {
  override readonly name = 'NoticeReferenceError';
  constructor(field: string) {
    super(`A queued notice's ${field} must be an opaque reference`);
  }
}

/** Queues a notice inside the caller's transaction; false when one with its key was queued before (a redelivery). */
export async function enqueueNotice(tx: Queryable, notice: QueuedNotice): Promise<boolean> {
  if (!KEY.test(notice.noticeKey)) throw new NoticeReferenceError('key');
  if (!REFERENCE.test(notice.recipient)) throw new NoticeReferenceError('recipient');
  if (!NOTICE_KINDS.includes(notice.kind)) throw new NoticeReferenceError('kind');
  const result = await tx.query(
    `insert into notice_outbox (notice_key, kind, recipient, case_id) values ($1, $2, $3, $4)
     on conflict (notice_key) do nothing returning 1 as fresh`,
    [notice.noticeKey, notice.kind, notice.recipient, notice.caseId ?? null],
  );
  const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return rows.length > 0;
}
