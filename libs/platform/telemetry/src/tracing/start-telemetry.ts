import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { exporterFromEnv, spanProcessorsFor, type ExporterKind, type TelemetryEnv } from './span-export';

/** Options of {@link startTelemetry}. */
export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  /**
   * Overrides the environment's choice. Tests pass an exporter instance (e.g. `InMemorySpanExporter`) and read
   * it before `shutdown()`, which shuts the exporter down too (an in-memory one then forgets its spans).
   */
  exporter?: ExporterKind | SpanExporter;
  /** Read for the exporter choice and the OTLP endpoint; defaults to `process.env`. */
  env?: TelemetryEnv;
  /**
   * Client spans for outgoing HTTP calls and PostgreSQL queries (`@opentelemetry/instrumentation-http` and
   * `-pg`, see `instrumentations.ts`); `runMain` turns them on. Off by default: they patch modules through
   * Node's require hook, which Jest's module registry bypasses, so under Jest they would trace nothing.
   */
  instrumentations?: boolean;
}

/** A started telemetry: the service's tracer, the process's provider, and a way to stop. */
export interface Telemetry {
  readonly tracer: Tracer;
  readonly provider: TracerProvider;
  /** What the process exports to: `custom` for an exporter instance given by the caller. */
  readonly exporter: ExporterKind | 'custom';
  /** Exports what is pending (OTLP batches); tests call it before reading a collector. */
  forceFlush(): Promise<void>;
  /** Releases this handle; the last one flushes, shuts the provider down and unregisters the globals. */
  shutdown(): Promise<void>;
}

/** Thrown when telemetry is already running with another exporter instance: spans would silently go elsewhere. */
export class TelemetryAlreadyStartedError extends Error {
  constructor() {
    super('telemetry is already started with another exporter; shut it down first');
  }
}

interface Running {
  provider: TracerProvider;
  exporter: ExporterKind | 'custom';
  custom?: SpanExporter;
  handles: number;
  stopInstrumentations?: () => void;
}

// One provider per process: OpenTelemetry's globals (tracer provider, context manager, propagator) are
// process-wide, so a second start (a second service in the same process, a test helper) joins the first.
let running: Running | undefined;

function register(options: TelemetryOptions): Running {
  const env = options.env ?? process.env;
  const choice = options.exporter ?? exporterFromEnv(env);
  const resource = defaultResource().merge(
    resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      ...(options.serviceVersion ? { [ATTR_SERVICE_VERSION]: options.serviceVersion } : {}),
    }),
  );
  // No resource detectors: host and process details (command line, owner) are not needed to follow a request.
  const provider = new TracerProvider({
    resource,
    spanProcessors: spanProcessorsFor(choice, env),
    spanLimits: { attributeValueLengthLimit: 256 },
  });
  registerGlobals(provider);
  const custom = typeof choice === 'string' ? undefined : choice;
  // Loaded only when asked for, like the modules they patch.
  const stopInstrumentations = options.instrumentations
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazily: only a traced process loads the instrumentations
      (require('./instrumentations') as typeof import('./instrumentations')).startInstrumentations(provider)
    : undefined;
  return { provider, exporter: custom ? 'custom' : (choice as ExporterKind), custom, handles: 0, stopInstrumentations };
}

function unregisterGlobals(): void {
  trace.disable();
  context.disable();
  propagation.disable();
}

// Only W3C trace context, deliberately no baggage: baggage would carry arbitrary values across services.
// A global that is already taken belongs to someone else: undo only what this call set, then refuse.
function registerGlobals(provider: TracerProvider): void {
  const steps: Array<[set: () => boolean, unset: () => void]> = [
    [() => trace.setGlobalTracerProvider(provider), () => trace.disable()],
    [() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()), () => context.disable()],
    [() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()), () => propagation.disable()],
  ];
  const undo: Array<() => void> = [];
  for (const [set, unset] of steps) {
    if (!set()) {
      undo.forEach((u) => u());
      throw new Error('another OpenTelemetry SDK is registered in this process');
    }
    undo.push(unset);
  }
}

/**
 * Starts OpenTelemetry tracing for this process: a tracer provider from the SDK 3 package, the
 * AsyncLocalStorage context manager and the W3C trace-context propagator, registered globally, and the
 * exporter chosen by `options.exporter` or the environment (see `exporterFromEnv`). Call it before Nest
 * creates the application. Calling it again joins the running telemetry and returns a handle with that
 * service's tracer; it throws only when given a different exporter instance than the running one.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (running && typeof options.exporter === 'object' && options.exporter !== running.custom) {
    throw new TelemetryAlreadyStartedError();
  }
  const current = (running ??= register(options));
  current.handles++;
  let released = false;
  return {
    tracer: current.provider.getTracer(options.serviceName, options.serviceVersion),
    provider: current.provider,
    exporter: current.exporter,
    forceFlush: () => current.provider.forceFlush(),
    async shutdown() {
      if (released) return;
      released = true;
      if (--current.handles > 0) return;
      if (running === current) running = undefined;
      current.stopInstrumentations?.();
      try {
        await current.provider.shutdown();
      } finally {
        unregisterGlobals();
      }
    },
  };
}
