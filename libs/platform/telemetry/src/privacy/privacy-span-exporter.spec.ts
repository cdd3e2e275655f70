import { SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { startTelemetry, type Telemetry } from '../tracing/start-telemetry';

// Code that bypasses inSpan and safeAttributes (a direct span API call, a future instrumentation library)
// must still export nothing personal: every exporter the platform configures is wrapped.
describe('PrivacySpanExporter', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;

  beforeAll(() => (telemetry = startTelemetry({ serviceName: 'privacy-test', exporter })));
  afterAll(() => telemetry.shutdown());

  it('filters what was set on a span directly: attributes, exceptions, events, links, status message and name', () => {
    const linked = trace.getTracer('x').startSpan('linked');
    linked.end();
    const span = trace.getTracer('x').startSpan('send to jan@example.org', {
      links: [{ context: linked.spanContext(), attributes: { email: 'CANARY-link@example.org', caseId: 'c-1' } }],
    });
    span.setAttributes({ narrative: 'CANARY-narrative', caseId: 'c-1', 'url.full': 'https://x/?name=CANARY' });
    span.recordException(new Error('CANARY-message for 06-12345678'));
    span.addEvent('reporter CANARY@example.org answered', { receiptCode: 'CANARY-receipt' });
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'CANARY status' });
    span.end();

    const exported = exporter.getFinishedSpans().find((s) => s.spanContext().spanId === span.spanContext().spanId)!;
    expect(exported.name).toBe('[redacted]');
    expect(exported.attributes).toEqual({ caseId: 'c-1', 'vertrouwd.attributes.refused': 2 });
    expect(exported.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(exported.events.map((e) => [e.name, e.attributes])).toEqual([
      ['exception', { 'exception.type': 'Error', 'vertrouwd.attributes.refused': 2 }],
      ['[redacted]', { 'vertrouwd.attributes.refused': 1 }],
    ]);
    expect(exported.links[0].attributes).toEqual({ caseId: 'c-1', 'vertrouwd.attributes.refused': 1 });
    expect(exported.spanContext().traceId).toBe(span.spanContext().traceId);
    expect(JSON.stringify(exported)).not.toContain('CANARY');
  });
});
