import { Inject, Injectable, Optional } from '@nestjs/common';
import { IntervalJob, ReadModels } from '@vertrouwd/service-kit';
import type { NoticeKind, Recipient } from '../notice';
import { NOTIFIER, type Notifier } from '../notifier.port';
import type { Queryable } from './notice-outbox';

/** A queued notice as the dispatcher hands it to the service to resolve. */
export interface PendingNotice {
  noticeKey: string;
  kind: NoticeKind;
  recipient: string;
  caseId: string | null;
}

/** Where a notice goes, or why it goes nowhere (`no-address`, `erased`, …: a code, never a value). */
export type Resolution = Recipient | { drop: string };

/** After this many failed attempts a notice is given up (and logged by its key only). */
export const MAX_NOTICE_ATTEMPTS = 12;
const BATCH = 20;

/** How long a claimed notice is its sender's: one that died meanwhile leaves it to be sent again after this. */
const CLAIM_SECONDS = 120;

/**
 * Claims the next notices due, in a statement that commits at once: each is put out of reach (due only after the claim)
 * for other runs and processes, and nothing stays locked while they are sent.
 */
const CLAIM = `
  with claimed as (
    update notice_outbox set next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS})
     where notice_key in (select notice_key from notice_outbox
                           where sent_at is null and dropped_at is null and next_attempt_at <= now()
                           order by created_at limit ${BATCH} for update skip locked)
    returning notice_key, kind, recipient, case_id, attempts, created_at)
  select notice_key as "noticeKey", kind, recipient, case_id as "caseId", attempts from claimed order by created_at`;

/**
 * Sends what a service queued in its notice outbox. The service says where each notice goes (`recipientOf`: the
 * address unsealed for this send only); the notifier sends it. A notice is sent at least once and, short of a crash
 * between the mail server's yes and the write that settles it, once. A failure is retried with back-off (the error's class or code
 * recorded, never its message); after {@link MAX_NOTICE_ATTEMPTS} it is given up. SMTP_URL unset: nothing is sent and
 * the notices wait.
 */
@Injectable()
export abstract class NoticeDispatcher extends IntervalJob {
  protected override readonly intervalMs: number = 5_000;
  @Optional() @Inject(NOTIFIER) private readonly notifier: Notifier | null = null;
  @Inject(ReadModels) private readonly readModels!: ReadModels;

  /** Where a notice goes: called inside the send, so an address is unsealed only for the moment it is needed. */
  protected abstract recipientOf(notice: PendingNotice): Promise<Resolution>;

  /** Sends what is due now, without waiting for the next interval (e.g. right after queueing). */
  kick(): void {
    const run = this.runOnce().catch((error: unknown) => this.logger.error(`dispatch failed: ${(error as Error).name}`));
    this.kicked.add(run);
    void run.finally(() => this.kicked.delete(run));
  }

  private readonly kicked = new Set<Promise<unknown>>();

  /** Shutdown waits for the sends under way, as for the interval's run. */
  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    await Promise.all(this.kicked);
  }

  /** The dispatch under way, and the one that follows it for every request made meanwhile (at most one waits). */
  private current: Promise<number> | undefined;
  private following: Promise<number> | undefined;

  /**
   * Sends what is due now. One dispatch at a time in this process (other processes claim other rows): a burst of
   * requests (each queued notice asks for one) is answered by the dispatch under way and one after it, which starts when
   * it ends and covers every request made meanwhile, instead of a dispatch per request competing for the same rows.
   */
  runOnce(): Promise<number> {
    if (!this.current) return this.start();
    this.following ??= this.current
      .catch(() => 0)
      .then(() => {
        this.following = undefined;
        return this.start();
      });
    return this.following;
  }

  private start(): Promise<number> {
    const run = this.dispatch().finally(() => {
      if (this.current === run) this.current = undefined;
    });
    this.current = run;
    return run;
  }

  /** Batch after batch, each claimed on its own, until one comes back short or the mail server fails. */
  private async dispatch(): Promise<number> {
    const notifier = this.notifier;
    if (!notifier) return 0;
    let sent = 0;
    for (;;) {
      const batch = await this.dispatchBatch(notifier);
      sent += batch.sent;
      if (!batch.full || batch.failed) return sent;
    }
  }

  /**
   * One batch: claimed (committed at once), sent with no transaction open and no connection held, then settled, each
   * write on its own. Holding a transaction across the sends held a connection of the pool while `recipientOf` asked
   * the pool for another, and made every re-queue of a key already sent (`enqueueNotice`) wait for it: enough of them
   * and neither side moved again. A crash after a send and before it is settled sends that notice again after the
   * claim lapses, as a crash before the commit did.
   */
  private async dispatchBatch(notifier: Notifier): Promise<{ sent: number; full: boolean; failed: boolean }> {
    const db = this.readModels.dataSource;
    const rows: (PendingNotice & { attempts: number })[] = await db.query(CLAIM);
    const sent: string[] = [];
    let failure: { row: PendingNotice & { attempts: number }; error: string } | undefined;
    let next = 0;
    for (; next < rows.length && !failure; next += 1) {
      const row = rows[next];
      const outcome = await this.deliver(notifier, row);
      if ('failed' in outcome) failure = { row, error: outcome.failed };
      else if ('dropped' in outcome) {
        await db.query('update notice_outbox set dropped_at = now(), dropped_because = $2 where notice_key = $1', [
          row.noticeKey,
          outcome.dropped,
        ]);
      } else sent.push(row.noticeKey);
    }
    if (sent.length > 0) {
      await db.query('update notice_outbox set sent_at = now(), attempts = attempts + 1 where notice_key = any($1::text[])', [sent]);
    }
    if (failure) {
      await this.failed(db, failure.row, failure.error);
      // The mail server is likely down: the rest is due again at once, for the next run.
      const rest = rows.slice(next).map((row) => row.noticeKey);
      if (rest.length > 0) await db.query('update notice_outbox set next_attempt_at = now() where notice_key = any($1::text[])', [rest]);
    }
    return { sent: sent.length, full: rows.length === BATCH, failed: failure !== undefined };
  }

  private async deliver(notifier: Notifier, row: PendingNotice): Promise<{ sent: true } | { dropped: string } | { failed: string }> {
    try {
      const to = await this.recipientOf(row);
      if ('drop' in to) return { dropped: to.drop };
      await notifier.send({ kind: row.kind, address: to.address, language: to.language });
      return { sent: true };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const name = error instanceof Error ? error.name : typeof error;
      return { failed: typeof code === 'string' && /^[A-Z_]{2,32}$/.test(code) ? `${name}:${code}` : name };
    }
  }

  private async failed(tx: Queryable, row: PendingNotice & { attempts: number }, error: string): Promise<void> {
    const attempts = row.attempts + 1;
    this.logger.warn(`a ${row.kind} notice was not sent (attempt ${attempts}): ${error}`);
    if (attempts >= MAX_NOTICE_ATTEMPTS) {
      await tx.query(
        `update notice_outbox set attempts = $2::int, last_error = $3, dropped_at = now(), dropped_because = 'gave-up' where notice_key = $1`,
        [row.noticeKey, attempts, error],
      );
      return;
    }
    await tx.query(
      `update notice_outbox set attempts = $2::int, last_error = $3,
         next_attempt_at = now() + make_interval(secs => least(3600, 5 * power(2, $2::int))) where notice_key = $1`,
      [row.noticeKey, attempts, error],
    );
  }
}
