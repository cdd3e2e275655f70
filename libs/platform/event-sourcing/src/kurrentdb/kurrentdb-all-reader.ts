import { BACKWARDS, END, FORWARDS, START } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent, Direction, KurrentDBClient, Position } from '@kurrent/kurrentdb-client';
import type { EventFilter, ReadAllOptions, RecordedEvent } from '../event-store.port';
import { isVisible, serverFilter } from './kurrentdb-filter';
import { positionOf, toRecordedEvent } from './kurrentdb-mapping';

const PAGE_SIZE = 500;
const HEAD_PAGE_SIZE = 32;

/**
 * Reads `$all` for the store, page by page: the server narrows by stream name or type, and the client applies
 * the rest of the filter, so a page the client thins out never ends a read early.
 */
export class KurrentDbAllReader {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly prefix: string,
  ) {}

  /** Visible events strictly after `options.after`, in commit order. */
  async read(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    if (limit <= 0) return events;
    const from = options.after === undefined ? undefined : { commit: options.after, prepare: options.after };
    // One more than needed: the event at `after` itself may come back first and be skipped.
    for await (const resolved of this.scan(FORWARDS, from, options, Math.min(PAGE_SIZE, limit + 1))) {
      if (isVisible(resolved.event, options, this.prefix)) events.push(toRecordedEvent(resolved, this.prefix));
      if (events.length >= limit) break;
    }
    return events;
  }

  /** The position of the newest event `filter` lets through (0n when there is none). */
  async head(filter: EventFilter | undefined): Promise<bigint> {
    for await (const resolved of this.scan(BACKWARDS, undefined, filter, HEAD_PAGE_SIZE)) {
      if (isVisible(resolved.event, filter, this.prefix)) return positionOf(resolved);
    }
    return 0n;
  }

  /**
   * `$all` strictly after (forwards) or before (backwards) `from`. Each page restarts at the last event seen
   * and drops what is not beyond it, so it does not matter whether the server's start position is inclusive.
   */
  private async *scan(
    direction: Direction,
    from: Position | undefined,
    filter: EventFilter | undefined,
    pageSize: number,
  ): AsyncGenerator<AllStreamResolvedEvent> {
    const server = serverFilter(filter, this.prefix);
    let cursor = from;
    for (;;) {
      const page: AllStreamResolvedEvent[] = [];
      const fromPosition = cursor ?? (direction === FORWARDS ? START : END);
      for await (const resolved of this.client.readAll({ direction, fromPosition, maxCount: pageSize, filter: server }))
        page.push(resolved);
      const fresh = page.filter((resolved) => !cursor || beyond(resolved.event?.position, cursor, direction));
      yield* fresh;
      const last = fresh[fresh.length - 1]?.event?.position;
      if (page.length < pageSize || !last) return;
      cursor = last;
    }
  }
}

function beyond(position: Position | undefined, cursor: Position, direction: Direction): boolean {
  if (!position) return false;
  const order = position.commit === cursor.commit ? position.prepare - cursor.prepare : position.commit - cursor.commit;
  return direction === FORWARDS ? order > 0n : order < 0n;
}
