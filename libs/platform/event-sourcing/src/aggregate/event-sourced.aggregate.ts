import { AggregateRoot } from '@nestjs/cqrs';

/** A domain event: a plain value with a fixed type string (never derived from a class name). */
export interface DomainEvent {
  readonly type: string;
}

/**
 * Base of every event-sourced aggregate. Command methods check the rules and `apply` events; state
 * changes only in `on<type>` handlers, so replay and live behaviour are one code path. Dispatch uses
 * the event's fixed `type` (an event of type `CaseAcknowledged` goes to `onCaseAcknowledged`), which
 * survives minifiers and class renames.
 */
export abstract class EventSourcedAggregate<E extends DomainEvent = DomainEvent> extends AggregateRoot<E> {
  /** Version of the last event loaded from or saved to the stream; -1 for a new aggregate. */
  version = -1;

  abstract get id(): string;

  protected override getEventName(event: E): string {
    return event.type;
  }

  // What AggregateRepository now calls (the names of @vertrouwd/domain's Aggregate), until every aggregate moved there.
  uncommittedEvents(): E[] {
    return this.getUncommittedEvents();
  }

  markCommitted(version: number): void {
    this.version = version;
    this.commit();
  }

  /** Rebuilds state from stored events and remembers the stream version they end at. */
  rehydrate(history: readonly E[], version: number): void {
    this.loadFromHistory([...history]);
    this.version = version;
  }
}
