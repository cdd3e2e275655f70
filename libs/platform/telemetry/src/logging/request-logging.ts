import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { Logger } from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import { routeTemplate, type RoutedRequest } from '../http/route-template';

/** The key under which a request's log lines carry its correlation id (the `X-Correlation-Id` of `@vertrouwd/http`). */
export const CORRELATION_ID_KEY = 'correlationId';

/** Express's request as far as it is read here: the route it matched, the correlation id `@vertrouwd/http` set. */
type Request = IncomingMessage & RoutedRequest & { originalUrl?: string; correlationId?: unknown };

// `@vertrouwd/http` validates the caller's X-Correlation-Id and sets `req.correlationId` before this runs; the raw
// header is never taken, since its shape is the caller's to choose.
function correlationIdOf(req: IncomingMessage): string {
  const given = (req as Request).correlationId;
  return typeof given === 'string' ? given : randomUUID();
}

/**
 * The one line logged per request: method, route template, status and duration. Never the URL (query strings
 * and path parameters may hold personal data), headers (tokens, cookies, addresses) or bodies.
 */
function requestLine(req: IncomingMessage, res: ServerResponse, responseTime: unknown): Record<string, unknown> {
  return { method: req.method, route: routeTemplate(req as Request), statusCode: res.statusCode, responseTime };
}

// Load balancers ask every few seconds; a failing readiness check is logged by the health controller itself. The
// probes skip the middleware altogether: no line, and no per-request loggers built for nothing.
const HEALTH_PROBES = [
  { path: 'health/live', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
];

/**
 * `nestjs-pino`'s parameters for a logger from `createLogger`: pino-http logs one line per finished request
 * ({@link requestLine}), at `error` for a 5xx, and binds the correlation id to every line logged while the
 * request runs. pino-http's own serializers are replaced: the request and response objects are never
 * serialized whole, not even into bindings nobody writes.
 */
export function requestLoggingParams(logger: Logger): Params {
  return {
    pinoHttp: {
      logger,
      wrapSerializers: false,
      serializers: {
        req: (req: IncomingMessage) => ({ method: req.method, route: routeTemplate(req as Request) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      quietReqLogger: true,
      quietResLogger: true,
      customAttributeKeys: { reqId: CORRELATION_ID_KEY },
      genReqId: correlationIdOf,
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      customSuccessObject: (req, res, value: { responseTime?: unknown }) => requestLine(req, res, value.responseTime),
      customErrorObject: (req, res, _error, value: { responseTime?: unknown }) => requestLine(req, res, value.responseTime),
    },
    exclude: HEALTH_PROBES,
  };
}

const isHealthProbe = (req: IncomingMessage) => HEALTH_PROBES.some(({ path }) => (req.url ?? '').split('?')[0] === `/${path}`);

/**
 * The module that binds a request's logger (from {@link requestLogger}) to every line logged while the request
 * runs, with its correlation id: import it in the root module of an application whose Nest logger is `logger`
 * (`startService` of `@vertrouwd/runtime` does), and mount `requestLogger(logger)`. Without them, `NestPinoLogger`
 * logs as before, without request lines or correlation ids.
 */
export function requestLogging(logger: { readonly params: Params }): DynamicModule {
  // nestjs-pino would build the request logger itself, but only once per process, for the first application that
  // asks: where one process hosts several services (`npm start`), every request line would carry the first one's
  // name and go to its log. Each application brings its own (`useExisting`).
  return LoggerModule.forRoot({ ...logger.params, useExisting: true });
}

/**
 * The application's request logger (pino-http over `logger`'s pino logger): one line per finished request, and the
 * request's child logger as `req.log`, which `requestLogging` binds. Mount it with `app.use` after the correlation
 * id is set and before the routes; health probes pass by, unlogged.
 */
export function requestLogger(logger: { readonly params: Params }): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const log = pinoHttp(logger.params.pinoHttp as Options<IncomingMessage, ServerResponse>);
  return (req, res, next) => (isHealthProbe(req) ? next() : log(req, res, next));
}
