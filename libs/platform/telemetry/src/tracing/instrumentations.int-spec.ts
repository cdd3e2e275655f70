import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';

const run = promisify(execFile);

interface ExportedSpan {
  name: string;
  kind: SpanKind;
  scope: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; attributes?: Record<string, unknown> }>;
  status: { code: SpanStatusCode; message?: string };
}

// The HTTP and PostgreSQL instrumentations record URLs with their query strings, SQL text and error messages;
// what leaves the process must carry none of it (ADR 0011, ADR 0014).
describe('instrumentations of outgoing HTTP and PostgreSQL', () => {
  let db: TestDatabase;
  let output: string;
  let spans: ExportedSpan[];
  let traceparent: string | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('telemetry_instrumentations');
    const { stdout } = await run(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures/export-instrumented-spans.ts')], {
      cwd: join(__dirname, '../../../../..'),
      env: { ...process.env, DATABASE_URL: db.url, OTEL_TRACES_EXPORTER: '' },
    });
    output = stdout;
    ({ spans, traceparent } = JSON.parse(stdout) as { spans: ExportedSpan[]; traceparent?: string });
  });
  afterAll(() => db.drop());

  const command = () => spans.find((span) => span.name === 'command SubmitReport')!;
  const fromPg = () => spans.filter((span) => span.scope === '@opentelemetry/instrumentation-pg');
  const fromHttp = () => spans.filter((span) => span.scope === '@opentelemetry/instrumentation-http');

  it('exports a client span per query inside the command, and none outside it', () => {
    expect(fromPg().map((span) => span.name)).toEqual([
      expect.stringMatching(/^pg\.query:SELECT t_telemetry_instrumentations_/),
      expect.stringMatching(/^pg\.query:SELECT /),
      expect.stringMatching(/^pg\.query:SELECT /),
    ]);
    for (const span of fromPg()) {
      expect(span).toMatchObject({ kind: SpanKind.CLIENT, parentSpanId: expect.any(String) });
      expect(span.attributes).toMatchObject({ 'db.system.name': 'postgresql', 'vertrouwd.attributes.refused': expect.any(Number) });
      expect(span.attributes).not.toHaveProperty('db.query.text');
      expect(span.attributes).not.toHaveProperty('db.postgresql.values');
    }
    expect(fromPg()[2].status).toEqual({ code: SpanStatusCode.ERROR });
    expect(fromPg().every((span) => span.parentSpanId === fromPg()[0].parentSpanId)).toBe(true);
    expect(command()).toBeDefined();
  });

  it('exports a client span for the outgoing call, with method and status only, and propagates the trace', () => {
    expect(fromHttp()).toHaveLength(1);
    const [call] = fromHttp();
    expect(call).toMatchObject({ name: 'GET', kind: SpanKind.CLIENT });
    expect(call.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.response.status_code': 200 });
    expect(Object.keys(call.attributes)).not.toEqual(expect.arrayContaining(['url.full']));
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('makes no server span for incoming requests: httpTracing() does that, from the route template', () => {
    expect(spans.filter((span) => span.kind === SpanKind.SERVER)).toEqual([]);
  });

  it('exports no canary: no query string, header, SQL parameter, SQL literal or error message', () => {
    expect(output).not.toContain('CANARY');
    expect(output).not.toContain('123456789');
    expect(output).not.toContain('example.org');
  });
});
