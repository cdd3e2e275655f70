import { TooManyAttemptsError } from '@vertrouwd/domain';
import type { EventStore, StoreTransaction } from '@vertrouwd/event-sourcing';

/** One report's writes (its count, keys, receipt and append), given the transaction it shares. */
export type ReportWrites<T> = (tx: StoreTransaction) => Promise<T>;

/**
 * The transaction a report shared with others was rolled back (another report's write failed, or the commit did):
 * nothing of this report was stored, unless the commit's answer was lost after it committed (`cause` says which).
 */
export class GroupRolledBackError extends Error {
  constructor(
    readonly members: number,
    cause: unknown,
  ) {
    super(`A transaction shared by ${members} reports was rolled back`, { cause });
  }
}

interface Member {
  order: string;
  writes: ReportWrites<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** At most this many reports share a transaction. */
const MAX_MEMBERS = 32;

/**
 * Group commit for reports (ADR 0069): the first report's writes start a transaction at once; reports that arrive
 * while it runs wait, then share the next one, at most 32. In it every member's writes run side by side, so their
 * statements travel together: one `begin`, every count in one write, every receipt and append in the next, one
 * `commit`. A member refused by its count (it wrote nothing) is answered with its refusal and the rest commit. Any
 * other failure rolls the whole transaction back: each member is told (`GroupRolledBackError`) and stores itself
 * again alone, so one report cannot fail another. A report alone in its transaction gets its own error, as before.
 */
export class ReportGroups {
  private readonly queue: Member[] = [];
  private running = false;

  constructor(private readonly transaction: NonNullable<EventStore['transaction']>) {}

  /**
   * Runs `writes` in the next shared transaction; resolves once that committed. `order`: members' writes start in
   * this order (their counts lock their clients' rows in one order in every process, so groups never deadlock).
   */
  store<T>(order: string, writes: ReportWrites<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ order, writes, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_MEMBERS).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
        await this.commit(group);
      }
    } finally {
      this.running = false;
    }
  }

  private async commit(group: Member[]): Promise<void> {
    let outcomes: PromiseSettledResult<unknown>[] = [];
    try {
      await this.transaction(async (tx) => {
        outcomes = await Promise.allSettled(group.map((member) => member.writes(tx)));
        const failed = outcomes.find((outcome) => outcome.status === 'rejected' && !refused(outcome.reason));
        if (failed) throw (failed as PromiseRejectedResult).reason;
      });
    } catch (error) {
      group.forEach((member, i) => {
        const outcome = outcomes[i];
        if (outcome?.status === 'rejected' && (refused(outcome.reason) || group.length === 1)) member.reject(outcome.reason);
        else member.reject(group.length === 1 ? error : new GroupRolledBackError(group.length, error));
      });
      return;
    }
    group.forEach((member, i) => {
      const outcome = outcomes[i];
      if (outcome.status === 'fulfilled') member.resolve(outcome.value);
      else member.reject(outcome.reason);
    });
  }
}

/** A refusal by the count: it wrote nothing, so the others may commit. */
const refused = (reason: unknown): boolean => reason instanceof TooManyAttemptsError;
