import { Inject, Injectable, Optional } from '@nestjs/common';
import { TooManyAttemptsError } from '@vertrouwd/domain';
import type { EventStore, StoreTransaction } from '@vertrouwd/event-sourcing';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';

/** One report's writes (its count, keys, receipt and append), given the transaction it shares. */
export type ReportWrites<T> = (tx: StoreTransaction) => Promise<T>;

/**
 * The transaction a report shared with others was rolled back, for certain: another member's write failed (or its
 * own did) and `commit` was never sent. Nothing of this report was stored; it may be stored again.
 */
export class GroupRolledBackError extends Error {
  constructor(
    readonly members: number,
    cause: unknown,
  ) {
    super(`A transaction shared by ${members} reports was rolled back`, { cause });
  }
}

/**
 * Whether the shared transaction committed is not known: its `begin` or `commit` failed (a lost connection), or it did
 * not finish within the deadline. The report may be stored, now or once a commit in flight lands: never store it again.
 */
export class GroupOutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('A transaction shared by reports ended without a known outcome', { cause });
  }
}

interface Member {
  order: string;
  writes: ReportWrites<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface ReportGroupOptions {
  /** At most this many reports share a transaction (default 32). */
  maxMembers?: number;
  /** A transaction not settled by then is given up on, its members told the outcome is unknown (default 10 s). */
  deadlineMs?: number;
}

/** Injection token of `ReportGroupOptions` (tests). */
export const REPORT_GROUP_OPTIONS = Symbol('REPORT_GROUP_OPTIONS');

/**
 * Group commit for reports (ADR 0069): the first report's writes start a transaction at once; reports that arrive
 * while it runs wait, then share the next one. In it every member's writes run side by side, so their statements
 * travel together: one `begin`, every count in one write, every receipt and append in the next, one `commit`. A member
 * refused by its count (the first statement of its writes: it wrote nothing) gets its refusal and the rest commit.
 * Any other failure of a member's writes rolls the whole transaction back (`GroupRolledBackError`: each member may be
 * stored again alone). A failed `begin` or `commit`, or a transaction past its deadline, leaves the outcome unknown
 * (`GroupOutcomeUnknownError`): no member is stored again. A member alone in its transaction gets its own error.
 */
@Injectable()
export class ReportGroups {
  private readonly queue: Member[] = [];
  private running = false;
  private readonly transaction: NonNullable<EventStore['transaction']> | undefined;
  private readonly maxMembers: number;
  private readonly deadlineMs: number;

  constructor(
    @Inject(PLATFORM) platform: Pick<Platform, 'store'>,
    @Optional() @Inject(REPORT_GROUP_OPTIONS) options: ReportGroupOptions = {},
  ) {
    this.transaction = platform.store.transaction?.bind(platform.store);
    this.maxMembers = options.maxMembers ?? 32;
    this.deadlineMs = options.deadlineMs ?? 10_000;
  }

  /** Reports waiting for the next shared transaction. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Runs `writes` in the next shared transaction; resolves once that committed. `order`: members' writes start in
   * this order (their counts lock their clients' rows in one order in every process, so groups never deadlock).
   */
  store<T>(order: string, writes: ReportWrites<T>): Promise<T> {
    if (!this.transaction) return Promise.reject(new Error('The event store has no transactions'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ order, writes, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxMembers).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
        let timer: NodeJS.Timeout | undefined;
        // A transaction stuck (a connection gone silent) must not hold every later report: its members are told the
        // outcome is unknown and the next group goes. A late settlement changes nothing (a promise settles once).
        const deadline = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            const late = new GroupOutcomeUnknownError(new Error(`not settled within ${this.deadlineMs} ms`));
            group.forEach((member) => member.reject(late));
            resolve();
          }, this.deadlineMs);
          timer.unref();
        });
        await Promise.race([this.commit(group), deadline]);
        clearTimeout(timer);
      }
    } finally {
      this.running = false;
    }
  }

  private async commit(group: Member[]): Promise<void> {
    let outcomes: PromiseSettledResult<unknown>[] = [];
    let rolledBack = false;
    try {
      await this.transaction!(async (tx) => {
        outcomes = await Promise.allSettled(group.map((member) => member.writes(tx)));
        const failed = outcomes.find((outcome) => outcome.status === 'rejected' && !refused(outcome.reason));
        if (!failed) return;
        // Thrown before `commit` is sent: the store rolls the transaction back, for certain.
        rolledBack = true;
        throw (failed as PromiseRejectedResult).reason;
      });
    } catch (error) {
      group.forEach((member, i) => {
        const outcome = outcomes[i];
        if (!rolledBack) member.reject(new GroupOutcomeUnknownError(error));
        else if (outcome?.status === 'rejected' && (refused(outcome.reason) || group.length === 1)) member.reject(outcome.reason);
        else member.reject(new GroupRolledBackError(group.length, error));
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
