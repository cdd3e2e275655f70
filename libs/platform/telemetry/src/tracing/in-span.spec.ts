import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { errorType, inSpan } from './in-span';
import { startTelemetry, type Telemetry } from './start-telemetry';

class CaseAlreadyClosedError extends Error {}

describe('inSpan', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  const only = () => {
    expect(exporter.getFinishedSpans()).toHaveLength(1);
    return exporter.getFinishedSpans()[0];
  };

  beforeAll(() => (telemetry = startTelemetry({ serviceName: 'in-span-test', exporter })));
  afterAll(() => telemetry.shutdown());
  beforeEach(() => exporter.reset());

  it('returns what fn returns, ends the span with OK, with its kind and safe attributes', async () => {
    const result = await inSpan(
      'command AcknowledgeCase',
      { kind: SpanKind.CONSUMER, attributes: { caseId: 'c-1', 'vertrouwd.command': 'AcknowledgeCase' } },
      () => 42,
    );
    expect(result).toBe(42);
    const span = only();
    expect(span).toMatchObject({
      name: 'command AcknowledgeCase',
      kind: SpanKind.CONSUMER,
      ended: true,
      status: { code: SpanStatusCode.OK },
    });
    expect(span.attributes).toEqual({ caseId: 'c-1', 'vertrouwd.command': 'AcknowledgeCase' });
  });

  it('nests: a span started inside fn is its child', async () => {
    await inSpan('outer', {}, () => inSpan('inner', {}, async () => undefined));
    const [inner, outer] = exporter.getFinishedSpans();
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(inner.spanContext().traceId).toBe(outer.spanContext().traceId);
  });

  it('records a failure by its class name only, and rethrows the same error', async () => {
    const error = new CaseAlreadyClosedError('case of jan@example.org, narrative: CANARY-narrative');
    await expect(inSpan('command CloseCase', {}, async () => Promise.reject(error))).rejects.toBe(error);
    const span = only();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span.attributes['error.type']).toBe('CaseAlreadyClosedError');
    expect(span.events.map((e) => [e.name, e.attributes])).toEqual([['exception', { 'exception.type': 'CaseAlreadyClosedError' }]]);
    expect(JSON.stringify(span)).not.toMatch(/CANARY|jan@example|at /);
  });

  it('records a synchronous throw and a thrown non-error too', async () => {
    await expect(
      inSpan('sync', {}, () => {
        throw new TypeError('CANARY');
      }),
    ).rejects.toThrow(TypeError);
    await expect(
      inSpan('odd', {}, () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless dependency might throw: the span must survive it
        throw 'CANARY string';
      }),
    ).rejects.toBe('CANARY string');
    const types = exporter.getFinishedSpans().map((s) => s.attributes['error.type']);
    expect(types).toEqual(['TypeError', 'string']);
    expect(JSON.stringify(exporter.getFinishedSpans())).not.toContain('CANARY');
  });

  it('refuses attributes that could carry personal data, and counts them', async () => {
    await inSpan(
      'command SubmitReport',
      { attributes: { reporterEmail: 'jan@example.org', name: 'Jan', caseId: 'sealed:abc', organisationId: 'org-7' } },
      () => undefined,
    );
    expect(only().attributes).toEqual({ organisationId: 'org-7', 'vertrouwd.attributes.refused': 3 });
  });

  it('names error types by class', () => {
    expect(errorType(new CaseAlreadyClosedError('x'))).toBe('CaseAlreadyClosedError');
    expect(errorType(Object.assign(new Error('x'), { name: 'jan@example.org' }))).toBe('Error');
    expect(errorType(null)).toBe('null');
  });
});
