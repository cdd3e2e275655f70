import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { PERSONAL_FIELD_NAMES, scrubText } from '../privacy/personal-data';
import { errorType } from '../tracing/in-span';
import { REDACTED, scrubFields, scrubValue, serializeError } from './scrub';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  serviceName: string;
  /** Defaults to `LOG_LEVEL` or `info`. */
  level?: LevelWithSilent;
  /** Where lines go; defaults to stdout. Tests pass a stream that collects them. */
  destination?: DestinationStream;
}

/**
 * pino's own redaction, for the exact paths it can express (top level and one level down): the second line of
 * defence behind the deep walk of `scrubValue`, which covers every depth and array.
 */
export const REDACT_PATHS: readonly string[] = [
  ...PERSONAL_FIELD_NAMES.filter((name) => /^\w+$/.test(name)).flatMap((name) => [name, `*.${name}`]),
  'req.body',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
];

// Log correlation: the ids of the active span, under the names OpenTelemetry's log data model uses.
function traceFields(): Record<string, string> {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  const { traceId, spanId, traceFlags } = spanContext;
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}`.slice(-2) };
}

// A log call's arguments before pino formats them. Fields stay an object (`formatters.log` scrubs it, knowing
// the field names); an Error becomes the `err` field, and a line about an error gets the error's class as its
// message, because pino would otherwise use the error's message. The message and printf arguments, which no
// field name describes, are scrubbed as text.
function scrubArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const fields = first instanceof Error ? { err: first } : typeof first === 'object' && first !== null ? first : undefined;
  const texts = (fields ? rest : args).map((arg) => (typeof arg === 'string' ? scrubText(arg) : scrubValue(arg)));
  if (!fields) return texts;
  const error = (fields as { err?: unknown }).err;
  if (error !== undefined && typeof texts[0] !== 'string') texts.unshift(errorType(error));
  return [fields, ...texts];
}

/**
 * A pino logger that cannot write personal data: personal and secret fields are `[redacted]` at any depth and
 * in arrays, `sealed:` strings are `[sealed]`, messages and other strings are scrubbed of e-mail addresses
 * and phone- or BSN-like numbers, errors are logged as class, codes and stack frames without their message.
 * Every line carries `service`, and `trace_id`/`span_id` when logged inside a span.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: options.serviceName },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      serializers: { err: (value: unknown) => (value instanceof Error ? serializeError(value) : value) },
      formatters: {
        bindings: (bindings) => scrubFields(bindings),
        log: (fields) => scrubFields(fields),
      },
      mixin: traceFields,
      hooks: {
        logMethod(args, method) {
          method.apply(this, scrubArguments(args) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination(1),
  );
}
