import type { IncomingHttpHeaders } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import { TRACER_NAME } from '../tracing/in-span';
import { routeTemplate } from './route-template';

/** What the middleware reads of a request: Express's, without depending on Express's types. */
export interface TracedRequest {
  method?: string;
  headers: IncomingHttpHeaders;
  baseUrl?: string;
  route?: { path?: unknown };
}

/** What the middleware reads of a response: Node's `ServerResponse`. */
export interface TracedResponse {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

function traceRequest(req: TracedRequest, res: TracedResponse, next: (error?: unknown) => void): void {
  const method = KNOWN_METHODS.has(req.method?.toUpperCase() ?? '') ? req.method!.toUpperCase() : '_OTHER';
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = trace
    .getTracer(TRACER_NAME)
    .startSpan(`HTTP ${method}`, { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method } }, parent);
  const active = trace.setSpan(parent, span);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    const route = routeTemplate(req);
    if (route) {
      span.updateName(`HTTP ${method} ${route}`);
      span.setAttribute(ATTR_HTTP_ROUTE, route);
    }
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
    // On a server span a 4xx is the client's mistake, not a failure of ours (OpenTelemetry's HTTP convention).
    if (res.statusCode >= 500) {
      span.setAttribute(ATTR_ERROR_TYPE, String(res.statusCode));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  // Everything after this middleware runs in the span's context; Express's body parser keeps it across the
  // socket's stream events itself (the slow-body test proves it).
  context.with(active, next);
}

/**
 * Express-style middleware for every HTTP request: continues an incoming `traceparent` (or starts a trace),
 * opens a SERVER span named `HTTP <method> <route template>` with the method, route and status code and
 * nothing else (no URL, query, body, headers, client address or user agent), and runs the rest of the request
 * in that span's context, so `currentTraceparent()` in a handler returns the request's trace. Register it
 * first, before Nest's body parser: `app.use(httpTracing())` right after `NestFactory.create`.
 */
export function httpTracing(): (req: TracedRequest, res: TracedResponse, next: (error?: unknown) => void) => void {
  return traceRequest;
}

/**
 * The same middleware as a Nest class, for `consumer.apply(HttpTracing).forRoutes(...)` in a module.
 * Prefer `app.use(httpTracing())`: module middleware runs after the body parser and only on matched routes.
 */
@Injectable()
export class HttpTracing implements NestMiddleware<TracedRequest, TracedResponse> {
  use(req: TracedRequest, res: TracedResponse, next: (error?: unknown) => void): void {
    traceRequest(req, res, next);
  }
}
