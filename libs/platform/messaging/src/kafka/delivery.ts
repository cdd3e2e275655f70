import { deadLetterOf, isUnretryable, type ConsumeOptions, type DeliveredMessage, type OutgoingMessage } from '../message-bus.port';

/** The longest back-off between two attempts, and between attempts to store a dead letter. */
export const MAX_BACKOFF_MS = 5_000;

export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: number;
}

/** The port's defaults: 5 attempts, 100 ms doubling up to 5 s. */
export function retryPolicy(options: Pick<ConsumeOptions, 'maxAttempts' | 'backoffMs'>): RetryPolicy {
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffMs = options.backoffMs ?? 100;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts: an integer of at least 1');
  if (!(backoffMs >= 0)) throw new RangeError('backoffMs: a number of at least 0');
  return { maxAttempts, backoffMs };
}

/** The wait after failed attempt `attempt` (1-based): the base, doubling each time, capped at 5 s. */
export function backoffDelay(attempt: number, baseMs: number): number {
  // Capped before exponentiating too, so a long-failing message cannot overflow to Infinity.
  return Math.min(baseMs * 2 ** Math.min(attempt - 1, 30), MAX_BACKOFF_MS);
}

export { deadLetterOf };

export interface DeliveryContext {
  policy: RetryPolicy;
  handle(message: DeliveredMessage): Promise<void>;
  deadLetter(message: OutgoingMessage): Promise<void>;
  /** Told about every failed attempt (with the message) and every failed dead letter (without). */
  report(error: unknown, message?: DeliveredMessage): void;
  /** Waits, or returns early when the worker is stopped. */
  pause(ms: number): Promise<void>;
  /** False once the worker is stopped or has lost the partition: no further attempt starts. */
  active(): boolean;
}

/**
 * `handled` and `dead-lettered` mean the message is done with and its offset may be committed;
 * `abandoned` means the worker stopped first, so the offset stays uncommitted and the message comes again.
 */
export type DeliveryOutcome = 'handled' | 'dead-lettered' | 'abandoned';

/**
 * Handles one message: attempts with back-off, then a dead letter. A dead letter that cannot be stored
 * is tried again (the message must not be committed without its effect or its dead letter).
 */
export async function deliver(message: Omit<DeliveredMessage, 'attempt'>, ctx: DeliveryContext): Promise<DeliveryOutcome> {
  for (let attempt = 1; ctx.active(); attempt += 1) {
    const delivered: DeliveredMessage = { ...message, attempt };
    try {
      await ctx.handle(delivered);
      return 'handled';
    } catch (error) {
      ctx.report(error, delivered);
      if (attempt >= ctx.policy.maxAttempts || isUnretryable(error)) return storeDeadLetter(deadLetterOf(delivered, error), ctx);
      await ctx.pause(backoffDelay(attempt, ctx.policy.backoffMs));
    }
  }
  return 'abandoned';
}

async function storeDeadLetter(letter: OutgoingMessage, ctx: DeliveryContext): Promise<DeliveryOutcome> {
  for (let failures = 0; ctx.active() || failures === 0; failures += 1) {
    try {
      await ctx.deadLetter(letter);
      return 'dead-lettered';
    } catch (error) {
      ctx.report(error);
      await ctx.pause(backoffDelay(failures + 1, Math.max(ctx.policy.backoffMs, 100)));
    }
  }
  return 'abandoned';
}
