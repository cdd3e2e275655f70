import { ROOT_CONTEXT, context, propagation, type TextMapGetter } from '@opentelemetry/api';

/** Headers as HTTP servers and bus adapters hand them over, already decoded to strings. */
export type TraceHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

// Header names are case-insensitive on HTTP and arbitrary on a bus: look a field up in any case.
const anyCaseGetter: TextMapGetter<TraceHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get(carrier, key) {
    const exact = carrier[key];
    if (exact !== undefined) return exact as string | string[];
    const found = Object.keys(carrier).find((k) => k.toLowerCase() === key);
    return found === undefined ? undefined : (carrier[found] as string | string[] | undefined);
  },
};

/**
 * The W3C `traceparent` of the active span (e.g. the HTTP request's or the command's), to copy into an event's
 * metadata; undefined outside any span or when telemetry is not started.
 */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/**
 * Writes `traceparent` (and `tracestate` when there is one) of the active context into a carrier: outgoing
 * HTTP headers, bus message headers. Returns the carrier for chaining.
 */
export function injectTraceHeaders<T extends Record<string, string>>(carrier: T): T {
  propagation.inject(context.active(), carrier);
  return carrier;
}

/**
 * Runs `fn` as a continuation of a remote trace: the headers of a consumed message or request, or an event's
 * `traceparent`. The remote span becomes the parent of spans `fn` starts. The extracted context replaces the
 * active one (the message is the parent, not the poll loop that delivered it); with nothing valid to extract,
 * `fn` runs outside any trace and its first span starts a new one.
 */
export function withRemoteContext<T>(headersOrTraceparent: TraceHeaders | string | undefined, fn: () => T): T {
  const carrier: TraceHeaders =
    typeof headersOrTraceparent === 'string' ? { traceparent: headersOrTraceparent } : (headersOrTraceparent ?? {});
  return context.with(propagation.extract(ROOT_CONTEXT, carrier, anyCaseGetter), fn);
}
