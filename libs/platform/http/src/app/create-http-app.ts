import { Module, type DynamicModule, type LoggerService, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HealthCheck } from '../health/health-check';
import { HealthModule } from '../health/health.module';
import { DOCS_PATH, setUpOpenApi } from '../openapi/openapi.setup';
import { ProblemFilter } from '../problem/problem.filter';
import { KnownQueryInterceptor } from '../validation/known-query.interceptor';
import { createValidationPipe } from '../validation/validation.pipe';
import { correlationIdMiddleware } from './correlation-id.middleware';
import { isJsonMediaType, jsonOnlyMiddleware } from './json-only.middleware';
import { DEFAULT_JSON_LIMITS, refuseHostileJson, verifyJsonBytes, type JsonLimits } from './json-body';
import { DEFAULT_SERVER_LIMITS, PlatformExpressAdapter } from './http-server';
import { urlGuardMiddleware } from './url-guard.middleware';
import { securityHeadersMiddleware } from './security-headers.middleware';

export interface HttpAppOptions {
  /** e.g. `intake`; the default OpenAPI title. */
  serviceName: string;
  /** The service's version, shown in the OpenAPI document. */
  version: string;
  /** Largest JSON body accepted (bytes, or `'64kb'`-style); larger ones get a 413 problem. */
  bodyLimit?: string | number;
  openApi?: { title: string; description?: string };
  /** Dependencies `/health/ready` requires (database, bus); each gets `healthCheckTimeoutMs` to answer. */
  healthChecks?: HealthCheck[];
  healthCheckTimeoutMs?: number;
  /** Passed to Nest: `false` in tests, the telemetry library's redacting logger in services. */
  logger?: LoggerService | LogLevel[] | false;
  /** Express middleware to run before everything else, e.g. the telemetry library's `httpTracing()`. */
  first?: Array<(req: never, res: never, next: (error?: unknown) => void) => void>;
  /**
   * Express middleware run right after the correlation id is set, before any check that may refuse the request: the
   * telemetry library's `requestLogger(...)`, so a request refused by the URL, media type or body checks gets its line.
   */
  requestLog?: (req: never, res: never, next: (error?: unknown) => void) => void;
  /** How long a client may take to send its headers (default 10 s) and its whole request (default 30 s). */
  timeouts?: { headersMs?: number; requestMs?: number };
  /** Nesting depth (default 32) and key count (default 1000) of a JSON body, checked before it is parsed. */
  jsonLimits?: JsonLimits;
  /**
   * Nest's preview mode: the modules, controllers and routes are read, no provider is constructed and nothing
   * connects. Such an app cannot listen; it serves `openApiDocument(app, ...)` (`npm run openapi`).
   */
  preview?: boolean;
}

@Module({})
class HttpAppModule {}

/**
 * Creates a service's HTTP application, configured but not initialised or listening: security headers and a
 * correlation id on every response, JSON-only bodies up to `bodyLimit`, DTO validation rejecting unknown fields,
 * RFC 9457 problems for every failure, `/openapi.json`, `/docs`, `/health/live` and `/health/ready`.
 * Idempotency keys need a database: import `IdempotencyModule.forRoot(...)` in the root module.
 */
export async function createHttpApp(rootModule: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestExpressApplication> {
  const entry: DynamicModule = {
    module: HttpAppModule,
    imports: [rootModule, HealthModule.forRoot(options.healthChecks ?? [], options.healthCheckTimeoutMs)],
  };
  // The adapter is given, not looked up: Nest's lookup is a dynamic import() that Jest's CommonJS cannot run.
  // Nest's own parser has no way to refuse non-JSON bodies first; ours is registered below, in order.
  const adapter = new PlatformExpressAdapter({ ...DEFAULT_SERVER_LIMITS, ...options.timeouts });
  const app = await NestFactory.create<NestExpressApplication>(entry, adapter, {
    bodyParser: false,
    // A failed start (e.g. the idempotency migration) rejects this promise instead of exiting the process.
    abortOnError: false,
    preview: options.preview ?? false,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  app.disable('x-powered-by');
  // Every answer is `Cache-Control: no-store`: an ETag (a hash of each body, Express's default) would serve no one.
  app.set('etag', false);
  for (const middleware of options.first ?? []) app.use(middleware);
  app.use(securityHeadersMiddleware(DOCS_PATH));
  app.use(correlationIdMiddleware);
  if (options.requestLog) app.use(options.requestLog);
  app.use(urlGuardMiddleware);
  app.use(jsonOnlyMiddleware);
  // No inflation: clients have no need to compress JSON this small, and decompressing is work a caller picks for us.
  // `verify` sees the raw bytes before JSON.parse: not UTF-8, too deep or too many keys never reach the parser.
  app.useBodyParser('json', {
    limit: options.bodyLimit ?? '64kb',
    inflate: false,
    type: (req: IncomingMessage) => isJsonMediaType(req.headers['content-type']),
    verify: verifyJsonBytes({ ...DEFAULT_JSON_LIMITS, ...options.jsonLimits }),
  });
  app.use(refuseHostileJson);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new KnownQueryInterceptor());
  app.useGlobalFilters(new ProblemFilter());
  setUpOpenApi(app, {
    title: options.openApi?.title ?? options.serviceName,
    description: options.openApi?.description,
    version: options.version,
  });
  return app;
}
