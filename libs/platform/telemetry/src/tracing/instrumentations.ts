import type { TracerProvider } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

// Modules the instrumentations patch. A service has loaded them before `runMain` starts telemetry; requiring them
// again hands out the loaded module and lets the instrumentation's require hook patch it in place (pg's client
// prototype, http's request functions), so clients created earlier are traced too.
const INSTRUMENTED_MODULES = ['node:http', 'node:https', 'pg'];

/**
 * Client spans for outgoing HTTP calls and PostgreSQL queries, under a span already open (a request, a command,
 * a consumer), never on their own, so that poll loops do not fill the traces. Configured to record as little as
 * they can, and every span still passes the egress filter (`PrivacySpanExporter`), which drops what these
 * libraries add outside the allow-list — `url.full` with its query string, `db.query.text`, server addresses —
 * and counts it in `vertrouwd.attributes.refused`:
 * - http: incoming requests are not instrumented (`httpTracing()` makes the server span, from the route template);
 *   no headers are captured.
 * - pg: no parameter values (`enhancedDatabaseReporting: false`), no connect spans, no SQL comments.
 * Returns the function that disables them again.
 */
export function startInstrumentations(tracerProvider: TracerProvider): () => void {
  const stop = registerInstrumentations({
    tracerProvider,
    instrumentations: [
      new HttpInstrumentation({
        enabled: false,
        disableIncomingRequestInstrumentation: true,
        requireParentforOutgoingSpans: true,
        headersToSpanAttributes: {},
      }),
      new PgInstrumentation({
        enabled: false,
        requireParentSpan: true,
        enhancedDatabaseReporting: false,
        ignoreConnectSpans: true,
        addSqlCommenterCommentToQueries: false,
        enableTraceContextPropagation: false,
      }),
    ],
  });
  for (const name of INSTRUMENTED_MODULES) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the module again after the patch is in place, by name
      require(name);
    } catch {
      // not installed: nothing to trace
    }
  }
  return stop;
}
