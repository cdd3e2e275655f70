import type { Link } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace';
import { looksPersonal } from './personal-data';
import { safeAttributes } from './safe-attributes';

const REDACTED_NAME = '[redacted]';

const safeName = (name: string) => (looksPersonal(name) ? REDACTED_NAME : name);

function safeEvent(event: TimedEvent): TimedEvent {
  return { ...event, name: safeName(event.name), attributes: event.attributes && safeAttributes(event.attributes) };
}

function safeLink(link: Link): Link {
  return { ...link, attributes: link.attributes && safeAttributes(link.attributes) };
}

/**
 * A copy of the span as it may leave the process: attributes of the span, its events and links filtered by
 * {@link safeAttributes}; names that look personal replaced; the status message dropped (error messages can
 * quote input). Built field by field because SDK spans expose some fields through getters.
 */
export function withoutPersonalData(span: ReadableSpan): ReadableSpan {
  return {
    name: safeName(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: { code: span.status.code },
    attributes: safeAttributes(span.attributes),
    links: span.links.map(safeLink),
    events: span.events.map(safeEvent),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/**
 * Wraps every exporter the platform configures, so that whatever code set on a span (our helpers, a direct
 * `span.setAttribute`, `span.recordException`, a future instrumentation library), nothing personal is exported.
 */
export class PrivacySpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans.map(withoutPersonalData), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
