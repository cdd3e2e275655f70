import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { PrivacySpanExporter } from '../privacy/privacy-span-exporter';

/** Where spans go: nowhere (they are still created, so the context flows), the console, or an OTLP collector. */
export type ExporterKind = 'none' | 'console' | 'otlp';

/** Environment variables that choose the exporter (nothing set: none). */
export interface TelemetryEnv {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_TRACES_EXPORTER?: string;
  [name: string]: string | undefined;
}

/** Thrown at start-up for an `OTEL_TRACES_EXPORTER` this platform does not support: better than silence. */
export class UnsupportedTraceExporterError extends Error {
  constructor(readonly value: string) {
    super(`OTEL_TRACES_EXPORTER=${value} is not supported; use none, console or otlp`);
  }
}

/**
 * The exporter the environment asks for. `OTEL_TRACES_EXPORTER` (none | console | otlp) wins when set, so an
 * operator can silence or redirect a deployment that has an endpoint configured; otherwise an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) means otlp, and nothing means none.
 */
export function exporterFromEnv(env: TelemetryEnv): ExporterKind {
  const named = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (named) {
    if (named === 'none' || named === 'console' || named === 'otlp') return named;
    throw new UnsupportedTraceExporterError(named);
  }
  return env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() ? 'otlp' : 'none';
}

/**
 * The OTLP/HTTP traces URL. Resolved here from the given env rather than left to the exporter, which reads
 * `process.env` itself and would ignore the env passed to `startTelemetry`. The signal-specific variable is a
 * full URL; the general one is a base to which `/v1/traces` is appended (OpenTelemetry's rule).
 */
export function otlpTracesUrl(env: TelemetryEnv): string {
  const specific = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (specific) return specific;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || 'http://localhost:4318';
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * The span processors for a chosen exporter, each exporter wrapped in {@link PrivacySpanExporter}. A given
 * exporter instance (tests: `InMemorySpanExporter`) is exported to synchronously, so a test can read its spans
 * as soon as they end; OTLP is batched.
 */
export function spanProcessorsFor(choice: ExporterKind | SpanExporter, env: TelemetryEnv): SpanProcessor[] {
  if (choice === 'none') return [];
  if (choice === 'console') return [new SimpleSpanProcessor({ exporter: new PrivacySpanExporter(new ConsoleSpanExporter()) })];
  if (choice === 'otlp') {
    // Loaded only when asked for: the OTLP exporter and its transformer weigh about 1.5 MiB, and a process that
    // exports nothing (`npm start`, tests) need not carry them.
    const { OTLPTraceExporter } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazily, see above (import() would bypass the TypeScript hook)
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    const exporter = new OTLPTraceExporter({ url: otlpTracesUrl(env) });
    return [new BatchSpanProcessor({ exporter: new PrivacySpanExporter(exporter) })];
  }
  return [new SimpleSpanProcessor({ exporter: new PrivacySpanExporter(choice) })];
}
