import assert from 'node:assert/strict';
import type { DomainEvent } from './aggregate';

/** What Given-When-Then needs of an aggregate (any `Aggregate` has it). */
interface EventSourced<E extends DomainEvent> {
  rehydrate(history: readonly E[], version: number): void;
  uncommittedEvents(): readonly E[];
}
// `never` accepts any aggregate's history type, whose parameter is checked in EventOf instead.
type AnyAggregate = { rehydrate(history: never, version: number): void; uncommittedEvents(): readonly DomainEvent[] };
type AggregateSource<A> = (new () => A) | (() => A);
type EventOf<A> = A extends EventSourced<infer E> ? E : never;
type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Given-When-Then for aggregates:
 * `given(Case, opened, assigned).when((c) => c.acknowledge(advisor, at)).then(acknowledged)`.
 * `then` checks exactly the new events (and returns nothing, as Jest test functions must); `thenThrows` checks the
 * error and that nothing was applied.
 */
export function given<A extends AnyAggregate>(source: AggregateSource<A>, ...history: EventOf<A>[]) {
  const aggregate = instantiate(source);
  aggregate.rehydrate(history as never, history.length - 1);
  return {
    /** The aggregate rebuilt from the history, for assertions on state. */
    aggregate,
    when(command: (aggregate: A) => unknown) {
      // Boxed, so that a command throwing `undefined` still counts as throwing.
      let failure: { thrown: unknown } | undefined;
      try {
        command(aggregate);
      } catch (thrown) {
        failure = { thrown };
      }
      const applied = [...aggregate.uncommittedEvents()];
      return {
        then(...expected: EventOf<A>[]): void {
          if (failure) throw failure.thrown;
          assert.deepStrictEqual(applied, expected, 'the command applied other events than expected');
        },
        thenThrows(error: ErrorClass | string | RegExp): void {
          if (!failure) throw new Error(`expected an error, but the command applied ${applied.length} event(s)`);
          const { thrown } = failure;
          if (typeof error === 'function') assert.ok(thrown instanceof error, `expected ${error.name}, got ${describe(thrown)}`);
          else assert.match((thrown as Error).message, typeof error === 'string' ? new RegExp(escape(error)) : error);
          assert.deepStrictEqual(applied, [], 'a refused command must apply nothing');
        },
      };
    },
  };
}

function describe(thrown: unknown): string {
  return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : `${typeof thrown} ${JSON.stringify(thrown)}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function instantiate<A>(source: AggregateSource<A>): A {
  const isClass = /^class[\s{]/.test(Function.prototype.toString.call(source));
  return isClass ? new (source as new () => A)() : (source as () => A)();
}
