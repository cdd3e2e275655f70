import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { inSpan } from './in-span';
import { currentTraceparent } from './propagation';
import { exporterFromEnv, otlpTracesUrl, UnsupportedTraceExporterError } from './span-export';
import { startTelemetry, TelemetryAlreadyStartedError } from './start-telemetry';

const run = promisify(execFile);

describe('exporter selection by environment', () => {
  it.each([
    [{}, 'none'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'otlp'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, 'otlp'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, 'none'],
    [{ OTEL_TRACES_EXPORTER: 'console' }, 'console'],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'none'],
    [{ OTEL_TRACES_EXPORTER: 'Console', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'console'],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, 'otlp'],
  ])('%j → %s', (env, kind) => expect(exporterFromEnv(env)).toBe(kind));

  it('refuses an exporter it does not support rather than exporting nothing silently', () => {
    expect(() => exporterFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(UnsupportedTraceExporterError);
  });

  it('sends traces to <endpoint>/v1/traces, or to the traces endpoint as given', () => {
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe('http://collector:4318/v1/traces');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom' })).toBe('http://c:4318/custom');
    expect(otlpTracesUrl({})).toBe('http://localhost:4318/v1/traces');
  });
});

describe('startTelemetry', () => {
  it('with nothing configured exports nothing, yet spans exist so the context flows', async () => {
    const telemetry = startTelemetry({ serviceName: 'quiet', env: {} });
    expect(telemetry.exporter).toBe('none');
    await inSpan('work', {}, () => expect(currentTraceparent()).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/));
    await telemetry.shutdown();
    expect(currentTraceparent()).toBeUndefined();
  });

  it('names the service and its version on the resource', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry({ serviceName: 'case', serviceVersion: '1.2.3', exporter });
    await inSpan('work', {}, () => undefined);
    expect(exporter.getFinishedSpans()[0].resource.attributes).toMatchObject({ 'service.name': 'case', 'service.version': '1.2.3' });
    await telemetry.shutdown();
  });

  it('is idempotent: a second start joins the first, and the last shutdown stops it', async () => {
    const exporter = new InMemorySpanExporter();
    const first = startTelemetry({ serviceName: 'case', exporter });
    const second = startTelemetry({ serviceName: 'matching', env: { OTEL_TRACES_EXPORTER: 'console' } });
    expect(second.provider).toBe(first.provider);
    expect(second.exporter).toBe('custom');
    expect(() => startTelemetry({ serviceName: 'x', exporter: new InMemorySpanExporter() })).toThrow(TelemetryAlreadyStartedError);
    await first.shutdown();
    await first.shutdown();
    await inSpan('still running', {}, () => undefined);
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['still running']);
    await second.shutdown();
    const again = startTelemetry({ serviceName: 'case', exporter: new InMemorySpanExporter() });
    expect(again.provider).not.toBe(first.provider);
    await again.shutdown();
  });

  it('exports over OTLP/HTTP to the configured endpoint, without personal data', async () => {
    const bodies: string[] = [];
    const collector: Server = createServer((req, res) => {
      let body = '';
      req
        .setEncoding('utf8')
        .on('data', (chunk: string) => (body += chunk))
        .on('end', () => {
          bodies.push(`${req.method} ${req.url} ${body}`);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
      const { stdout } = await run(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures/export-one-span.ts')], {
        cwd: join(__dirname, '../../../../..'),
        env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_EXPORTER: '' },
      });
      expect(stdout).toBe('otlp');
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toMatch(/^POST \/v1\/traces /);
      expect(bodies[0]).toContain('command SubmitReport');
      expect(bodies[0]).toContain('r-1');
      expect(bodies[0]).not.toContain('CANARY');
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });

  it('prints spans to the console when asked, filtered like every export', async () => {
    const printed: unknown[] = [];
    const dir = jest.spyOn(console, 'dir').mockImplementation((value) => void printed.push(value));
    const telemetry = startTelemetry({ serviceName: 'case', env: { OTEL_TRACES_EXPORTER: 'console' } });
    await inSpan('work', {}, (span) => void span.setAttribute('email', 'CANARY@example.org'));
    await telemetry.shutdown();
    dir.mockRestore();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ name: 'work', attributes: { 'vertrouwd.attributes.refused': 1 } });
    expect(JSON.stringify(printed)).not.toContain('CANARY');
  });
});
