import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_EXCEPTION_TYPE } from '@opentelemetry/semantic-conventions';
import { safeAttributes } from '../privacy/safe-attributes';

/** The name helpers use for their tracer; the resource says which service. */
export const TRACER_NAME = '@vertrouwd/telemetry';

/** Options of {@link inSpan}. */
export interface InSpanOptions {
  kind?: SpanKind;
  /** Filtered by `safeAttributes`: only allow-listed keys and ids survive. */
  attributes?: Readonly<Record<string, unknown>>;
}

/**
 * The class name of a thrown value, e.g. `CaseAlreadyClosedError`: what a span or a log may say about an
 * error. Never the message, which can quote input (a name, an e-mail address, a narrative).
 */
export function errorType(error: unknown): string {
  if (error instanceof Error) return error.constructor?.name || 'Error';
  return error === null ? 'null' : typeof error;
}

/**
 * Records a failure on a span without its message or stack: an `exception` event with the class name only,
 * `error.type`, and the ERROR status without a description.
 */
export function recordFailure(span: Span, error: unknown): void {
  const type = errorType(error);
  span.addEvent('exception', { [ATTR_EXCEPTION_TYPE]: type });
  span.setAttribute(ATTR_ERROR_TYPE, type);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/**
 * Runs `fn` in a new active span (a child of the active one) and ends it: OK when `fn` resolves, a failure
 * recorded by {@link recordFailure} when it throws or rejects (the error is rethrown unchanged).
 * Name spans after code (`command AcknowledgeCase`), never after data.
 */
export function inSpan<T>(name: string, options: InSpanOptions, fn: (span: Span) => T | Promise<T>): Promise<T> {
  const tracer = trace.getTracer(TRACER_NAME);
  const spanOptions = { kind: options.kind ?? SpanKind.INTERNAL, attributes: safeAttributes(options.attributes) };
  return tracer.startActiveSpan(name, spanOptions, async (span) => {
    try {
      const result = await fn(span);
      span.setStatus({ code: SpanStatusCode.OK });
      return result;
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
