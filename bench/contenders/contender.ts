// The one shape every store under test is driven through, so each scenario is written once.

/** 0-based version of the stream's last event, or `no_stream` for the first append. */
export type Expected = number | 'no_stream';

export interface BenchEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { correlationId: string; causationId: string };
}

export interface ReadPage {
  count: number;
  /** Global position of the page's last event (the `after` of the next page). */
  lastPosition: bigint;
  /** Stream of each event, in order: what the projection rebuild needs. */
  streamIds: string[];
}

export type ContenderName = 'ours' | 'emmett' | 'raw';

export interface Contender {
  readonly name: ContenderName;
  /** Connects with a pool of `poolSize` and creates the schema; never timed. */
  setup(url: string, poolSize: number): Promise<void>;
  appendOne(streamId: string, expected: Expected, event: BenchEvent): Promise<void>;
  appendMany(streamId: string, expected: Expected, events: BenchEvent[]): Promise<void>;
  /** Reads a whole stream; returns how many events it holds. */
  readStream(streamId: string): Promise<number>;
  readAllPage(after: bigint, max: number): Promise<ReadPage>;
  close(): Promise<void>;
}

/** The version the first event of an append gets when `expected` holds. */
export function firstVersion(expected: Expected): number {
  return expected === 'no_stream' ? 0 : expected + 1;
}
