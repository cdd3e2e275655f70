/**
 * The envelope of every integration event: the published language between services. The payload is
 * validated against its contract's schema on publish and on consume, and carries no personal data.
 */
export interface IntegrationEvent<TPayload = unknown> {
  eventId: string;
  /** `<service>.<event>`, e.g. `case.case-acknowledged`. */
  type: string;
  /** Major version: a breaking change is a new version (and a new topic). */
  version: number;
  /** ISO 8601 instant. */
  occurredAt: string;
  /** Partition key: the aggregate id, so events of one aggregate keep their order. */
  key: string;
  correlationId: string;
  causationId: string;
  /** W3C trace context of the work that produced the event. */
  traceparent?: string;
  payload: TPayload;
}

/** The topic of an integration event: `<service>.<event>.v<major>`. */
export function topicOf(event: Pick<IntegrationEvent, 'type' | 'version'>): string {
  return `${event.type}.v${event.version}`;
}
