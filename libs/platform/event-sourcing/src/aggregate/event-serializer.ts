import type { DomainEvent } from '@vertrouwd/domain';
import type { NewEvent, RecordedEvent } from '../event-store.port';

/** Rewrites a stored event of an old shape into the current one (a changed shape is a new type). */
export type Upcaster = (data: Record<string, unknown>) => { type: string; data: Record<string, unknown> };

export interface EventSerializerOptions<E extends DomainEvent> {
  /** Builds the domain event from stored data, per type (e.g. to revive dates). Default: the data as is. */
  revivers?: Partial<Record<E['type'], (data: Record<string, unknown>) => E>>;
  /** Keyed by the old type string. */
  upcasters?: Record<string, Upcaster>;
}

/** Domain event ↔ stored event: the fixed `type` becomes the stored type, the other fields the data. */
export class EventSerializer<E extends DomainEvent> {
  constructor(private readonly options: EventSerializerOptions<E> = {}) {}

  serialize(event: E): NewEvent {
    const { type, ...data } = event as DomainEvent & Record<string, unknown>;
    return { type, data };
  }

  deserialize(recorded: Pick<RecordedEvent, 'type' | 'data'>): E {
    let type = recorded.type;
    let data = recorded.data as Record<string, unknown>;
    const seen = new Set<string>();
    for (let upcast = this.options.upcasters?.[type]; upcast; upcast = this.options.upcasters?.[type]) {
      if (seen.has(type)) throw new Error(`Upcasters of ${type} loop back to it`);
      seen.add(type);
      ({ type, data } = upcast(data));
    }
    const revive = this.options.revivers?.[type as E['type']];
    return revive ? revive(data) : ({ ...data, type } as unknown as E);
  }
}
