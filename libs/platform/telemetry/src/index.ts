// OpenTelemetry set-up, trace propagation through HTTP, events and messages, and a logger: none of them may
// carry personal data (ADR 0011, docs/platform/telemetry.md).
export { startTelemetry, TelemetryAlreadyStartedError, type Telemetry, type TelemetryOptions } from './tracing/start-telemetry';
export { exporterFromEnv, otlpTracesUrl, UnsupportedTraceExporterError, type ExporterKind, type TelemetryEnv } from './tracing/span-export';
export { currentTraceparent, injectTraceHeaders, withRemoteContext, type TraceHeaders } from './tracing/propagation';
export { inSpan, errorType, recordFailure, TRACER_NAME, type InSpanOptions } from './tracing/in-span';
export { HttpTracing, httpTracing, type TracedRequest, type TracedResponse } from './http/http-tracing.middleware';
export { safeAttributes, ALLOWED_ATTRIBUTE_KEYS, REFUSED_COUNT_KEY } from './privacy/safe-attributes';
export {
  PERSONAL_FIELD_NAMES,
  PERSONAL_FIELD_PREFIXES,
  SEALED_PREFIX,
  isPersonalField,
  looksPersonal,
  scrubText,
} from './privacy/personal-data';
export { PrivacySpanExporter, withoutPersonalData } from './privacy/privacy-span-exporter';
export { createLogger, REDACT_PATHS, type LoggerOptions } from './logging/create-logger';
export { NestPinoLogger } from './logging/nest-pino.logger';
export { requestLogger, requestLogging, requestLoggingParams, CORRELATION_ID_KEY } from './logging/request-logging';
export { REDACTED, SEALED, scrubValue, serializeError } from './logging/scrub';
// For tests that assert on spans (the cross-service test among them), without importing the SDK themselves.
export { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace';
export { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
export type { Logger } from 'pino';
