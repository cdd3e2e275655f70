import { eventTypeFilter, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { Filter } from '@kurrent/kurrentdb-client';
import { streamCategory } from '../event-store.port';
import type { EventFilter } from '../event-store.port';

/** Category of the streams holding the store's own checkpoints: never shown to readers or subscribers. */
export const CHECKPOINT_CATEGORY = 'vertrouwd.checkpoint';

/** The stream that keeps one subscription's checkpoint. */
export function checkpointStreamOf(subscriptionId: string, prefix = ''): string {
  return `${prefix}${CHECKPOINT_CATEGORY}-${subscriptionId}`;
}

/**
 * The filter KurrentDB applies before events leave the server. It can match stream names or event types but
 * not both, so it narrows by stream name whenever it can (categories, prefix, checkpoints) and `isVisible`
 * applies the whole filter on the client.
 */
export function serverFilter(filter: EventFilter = {}, prefix = ''): Filter {
  const categories = nonEmpty(filter.categories);
  const types = nonEmpty(filter.types);
  if (categories) return streamNameFilter({ regex: `^${escape(prefix)}${anyOf(categories)}(?:-|$)` });
  if (types && prefix === '') return eventTypeFilter({ regex: `^${anyOf(types)}$` });
  const notSystem = prefix === '' ? '(?!\\$)' : '';
  return streamNameFilter({ regex: `^${escape(prefix)}${notSystem}(?!${escape(CHECKPOINT_CATEGORY)}-)` });
}

/** Whether an event read from `$all` is one the port's readers may see, under `filter`. */
export function isVisible(event: { streamId: string; type: string } | undefined, filter: EventFilter = {}, prefix = ''): boolean {
  if (!event || !event.streamId.startsWith(prefix)) return false;
  const streamId = event.streamId.slice(prefix.length);
  if (streamId.startsWith('$') || event.type.startsWith('$')) return false;
  const category = streamCategory(streamId);
  if (category === CHECKPOINT_CATEGORY) return false;
  const categories = nonEmpty(filter.categories);
  const types = nonEmpty(filter.types);
  return (!categories || categories.includes(category)) && (!types || types.includes(event.type));
}

function nonEmpty(values: string[] | undefined): string[] | undefined {
  return values && values.length > 0 ? values : undefined;
}

function anyOf(values: string[]): string {
  return `(?:${values.map(escape).join('|')})`;
}

/** Escapes for the server's .NET regular expressions (the same metacharacters as JavaScript's here). */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
