/**
 * The message bus port: topics with per-key order, consumer groups with committed offsets, at-least-once
 * delivery, retries with back-off and then a dead-letter topic. The Postgres bus is the default, Kafka
 * the production bus; both pass the same contract suite (`contract/message-bus.contract.ts`).
 */
export interface OutgoingMessage {
  topic: string;
  /** Messages with the same key keep their order (the aggregate id, for integration events). */
  key: string;
  /** The message itself, as JSON text (an integration event envelope). */
  value: string;
  /** Trace context and correlation ids travel here. */
  headers?: Record<string, string>;
}

export interface DeliveredMessage {
  topic: string;
  partition: number;
  offset: bigint;
  key: string;
  value: string;
  headers: Record<string, string>;
  /** 1 on first delivery; grows with each retry of this message. */
  attempt: number;
}

export interface ConsumeOptions {
  /** Consumer group: each message is handled by one consumer of the group; offsets are kept per group. */
  group: string;
  topics: string[];
  /** Resolve once the effect is durable; throw to have the message retried. */
  handle(message: DeliveredMessage): Promise<void>;
  /** Attempts before a message goes to the dead-letter topic (default 5). */
  maxAttempts?: number;
  /** First back-off between attempts, doubling up to 5 s (default 100 ms). */
  backoffMs?: number;
  /** Told about every failed attempt (with the message) and every failed read or commit (without). */
  onError?(error: unknown, message?: DeliveredMessage): void;
}

export interface Consumer {
  /** Resolves once every message published before the call, on its topics, is handled by its group. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

export interface MessageBus {
  /** Publishes durably, in order per key; resolves once the messages are stored. */
  publish(messages: OutgoingMessage[]): Promise<void>;
  consume(options: ConsumeOptions): Consumer;
  /** Resolves when the bus is reachable (readiness); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where a message goes after its last failed attempt; it keeps the error in its headers. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Headers a dead letter carries besides the original ones. */
export const DEAD_LETTER_HEADERS = {
  error: 'x-dead-letter-error',
  topic: 'x-dead-letter-topic',
  partition: 'x-dead-letter-partition',
  offset: 'x-dead-letter-offset',
  attempts: 'x-dead-letter-attempts',
} as const;

/**
 * What a dead letter keeps of an error: its class and code, never its message. Messages quote input
 * (JSON.parse, PostgreSQL, validators), and dead letters outlive the keys that shredding deletes.
 */
export function describeError(error: unknown): string {
  if (error instanceof UnretryableMessageError) return `${error.causeName} (not retried)`;
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? `${error.name} (${code})` : error.name;
}

/** A failure no retry can mend (e.g. a message that breaks its contract): dead-lettered at once. */
export class UnretryableMessageError extends Error {
  override readonly name = 'UnretryableMessageError';

  constructor(readonly causeName: string) {
    super(`The message cannot be handled: ${causeName}`);
  }
}

/** Whether a handler's error says retrying is pointless. */
export function isUnretryable(error: unknown): boolean {
  return error instanceof UnretryableMessageError;
}

/** The dead letter of a message: same key, value and headers, plus where it came from and why it failed. */
export function deadLetterOf(message: DeliveredMessage, error: unknown): OutgoingMessage {
  return {
    topic: deadLetterTopic(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.error]: describeError(error),
      [DEAD_LETTER_HEADERS.topic]: message.topic,
      [DEAD_LETTER_HEADERS.partition]: String(message.partition),
      [DEAD_LETTER_HEADERS.offset]: String(message.offset),
      [DEAD_LETTER_HEADERS.attempts]: String(message.attempt),
    },
  };
}
