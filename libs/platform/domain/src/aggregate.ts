/** A domain event: a plain value with a fixed type string (never derived from a class name). */
export interface DomainEvent {
  readonly type: string;
}

/**
 * How each event type changes the state: one function per type. The mapped type makes a missing event
 * type a type error, so a new event cannot be forgotten in `evolve`.
 */
export type Evolution<S, E extends DomainEvent> = {
  readonly [T in E['type']]: (state: S, event: Extract<E, { type: T }>) => S;
};

/** Applies one event with an `Evolution`, dispatching on its fixed type. */
export function evolveWith<S, E extends DomainEvent>(evolution: Evolution<S, E>, state: S, event: E): S {
  const step = evolution[event.type as E['type']] as ((state: S, event: E) => S) | undefined;
  if (!step) throw new Error(`No evolution for event type ${event.type}`);
  return step(state, event);
}

/**
 * Base of every event-sourced aggregate. Command methods check the rules and `apply` events (protected: only the
 * aggregate decides what happens to it); state changes only in the `Evolution`, so replay and live behaviour are
 * one code path.
 */
export abstract class Aggregate<E extends DomainEvent, S> {
  /** Version of the last event loaded from or saved to the stream; -1 for a new aggregate. */
  version = -1;
  #state: S;
  #pending: E[] = [];

  protected constructor(
    initial: S,
    private readonly evolution: Evolution<S, E>,
  ) {
    this.#state = initial;
  }

  abstract get id(): string;

  /** The state the rules read: read-only outside the evolution. */
  get state(): Readonly<S> {
    return this.#state;
  }

  /** Events applied since the aggregate was loaded or last saved. */
  uncommittedEvents(): readonly E[] {
    return this.#pending;
  }

  /** Called by the repository once the events are stored. */
  markCommitted(version: number): void {
    this.#pending = [];
    this.version = version;
  }

  /** Rebuilds state from stored history (the repository's and Given-When-Then's way in); nothing becomes pending. */
  rehydrate(history: readonly E[], version: number): void {
    for (const event of history) this.#state = evolveWith(this.evolution, this.#state, event);
    this.version = version;
  }

  protected apply(event: E): void {
    this.#state = evolveWith(this.evolution, this.#state, event);
    this.#pending.push(event);
  }
}
