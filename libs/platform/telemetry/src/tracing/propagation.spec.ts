import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { inSpan } from './in-span';
import { currentTraceparent, injectTraceHeaders, withRemoteContext } from './propagation';
import { startTelemetry, type Telemetry } from './start-telemetry';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;
const parts = (traceparent: string | undefined) => {
  const [, traceId, spanId] = TRACEPARENT.exec(traceparent ?? '') ?? [];
  return { traceId, spanId };
};
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('trace propagation', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  const spanNamed = (name: string) => exporter.getFinishedSpans().find((s) => s.name === name)!;

  beforeAll(() => (telemetry = startTelemetry({ serviceName: 'propagation-test', exporter })));
  afterAll(() => telemetry.shutdown());
  beforeEach(() => exporter.reset());

  it('has no traceparent outside a span', () => {
    expect(currentTraceparent()).toBeUndefined();
    expect(injectTraceHeaders({})).toEqual({});
  });

  it('gives the active span as traceparent, across awaits', async () => {
    await inSpan('command AcknowledgeCase', {}, async (span) => {
      await nextTurn();
      expect(currentTraceparent()).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    });
  });

  it('continues an injected context in another one: same trace, the injected span as parent', async () => {
    const headers = await inSpan('relay publish', { kind: SpanKind.PRODUCER }, async () => injectTraceHeaders({}));
    await nextTurn();
    await withRemoteContext(headers, () => inSpan('consume', { kind: SpanKind.CONSUMER }, async () => nextTurn()));
    const [producer, consumer] = [spanNamed('relay publish'), spanNamed('consume')];
    expect(consumer.spanContext().traceId).toBe(producer.spanContext().traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumer.parentSpanContext?.isRemote).toBe(true);
  });

  it('follows one request from HTTP through event metadata, outbox, bus headers and a consumer to its own events', async () => {
    const outbox: string[] = [];
    const bus: Array<{ headers: Record<string, string>; value: string }> = [];
    const consumerEvents: Array<{ metadata: { traceparent?: string } }> = [];

    await withRemoteContext('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', () =>
      inSpan('HTTP POST /reports', { kind: SpanKind.SERVER }, () =>
        inSpan('command SubmitReport', {}, async () => {
          await nextTurn();
          outbox.push(JSON.stringify({ type: 'intake.report-submitted.v1', metadata: { traceparent: currentTraceparent() } }));
        }),
      ),
    );
    // The relay runs later, outside the request: it publishes as a continuation of each row's traceparent.
    for (const row of outbox.map((r) => JSON.parse(r) as { metadata: { traceparent: string } })) {
      await withRemoteContext(row.metadata.traceparent, () =>
        inSpan('publish intake.report-submitted.v1', { kind: SpanKind.PRODUCER }, async () => {
          bus.push({ headers: injectTraceHeaders({ 'content-type': 'application/json' }), value: 'payload' });
        }),
      );
    }
    await nextTurn();
    for (const message of bus) {
      await withRemoteContext({ TraceParent: message.headers.traceparent }, () =>
        inSpan('process intake.report-submitted.v1', { kind: SpanKind.CONSUMER }, () =>
          inSpan('command OpenCase', {}, async () => void consumerEvents.push({ metadata: { traceparent: currentTraceparent() } })),
        ),
      );
    }

    const traceIds = new Set(exporter.getFinishedSpans().map((s) => s.spanContext().traceId));
    expect(traceIds).toEqual(new Set(['0af7651916cd43dd8448eb211c80319c']));
    expect(exporter.getFinishedSpans()).toHaveLength(5);
    expect(parts(consumerEvents[0].metadata.traceparent)).toEqual({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: spanNamed('command OpenCase').spanContext().spanId,
    });
    expect(spanNamed('process intake.report-submitted.v1').parentSpanContext?.spanId).toBe(
      spanNamed('publish intake.report-submitted.v1').spanContext().spanId,
    );
  });

  it('lets the message, not the loop that delivered it, be the parent', async () => {
    const message = '00-11111111111111111111111111111111-2222222222222222-01';
    await inSpan('poll', {}, () => withRemoteContext(message, () => inSpan('handle', {}, async () => undefined)));
    expect(spanNamed('handle').spanContext().traceId).toBe('11111111111111111111111111111111');
    expect(spanNamed('handle').parentSpanContext?.spanId).toBe('2222222222222222');
  });

  it('starts a new trace when there is nothing valid to continue', async () => {
    for (const input of [undefined, 'not-a-traceparent', { traceparent: '00-00000000000000000000000000000000-0000000000000000-01' }]) {
      await inSpan('poll', {}, () => withRemoteContext(input, () => inSpan('handle', {}, async () => undefined)));
      const [poll, handle] = [spanNamed('poll'), spanNamed('handle')];
      expect(handle.parentSpanContext).toBeUndefined();
      expect(handle.spanContext().traceId).not.toBe(poll.spanContext().traceId);
      exporter.reset();
    }
  });
});
