import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, concatMap, from, of, switchMap, throwError, type Observable } from 'rxjs';
import { SECURITY_HEADER_NAMES } from '../app/security-headers.middleware';
import { pathOf, type HttpRequest, type HttpResponse } from '../http-types';
import { PROBLEM_CONTENT_TYPE, ProblemType } from '../problem/problem';
import { ProblemException, ValidationFailedException } from '../problem/problem.exception';
import { toProblem } from '../problem/to-problem';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, idempotencyKeyOf, requestHash } from './idempotency-key';
import { IdempotencyStore, type StoredResponse } from './idempotency.store';

/** Options of `IdempotencyModule.forRoot`, minus the database. */
export interface IdempotencyBehaviour {
  /** Who a key belongs to; by default the `subject` that `@vertrouwd/auth`'s guard left on `req.principal`. */
  principalOf?: (req: HttpRequest) => string | undefined;
}
export const IDEMPOTENCY_BEHAVIOUR = Symbol('IDEMPOTENCY_BEHAVIOUR');

const WITHHELD = 'vertrouwd:idempotency-withheld';

/**
 * Top-level fields of an answer that are secrets given once (a receipt code, a passphrase): never stored with
 * the answer for replays, so the idempotency table never holds them; a replay answers without them.
 */
export const NotStoredForReplay = (...fields: string[]) => SetMetadata(WITHHELD, fields);

/** Headers of one transmission or of the app's middleware, not of the answer: never stored, never replayed. */
const TRANSIENT = new Set([
  ...['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'set-cookie', 'x-correlation-id'],
  ...SECURITY_HEADER_NAMES,
]);

/**
 * Makes POSTs carrying `Idempotency-Key` safe to retry: the first request runs and its answer is stored; a repeat
 * with the same body gets that answer (`Idempotent-Replayed: true`) without running the handler again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_BEHAVIOUR) private readonly behaviour: IdempotencyBehaviour,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const res = context.switchToHttp().getResponse<HttpResponse>();
    if (req.method !== 'POST') return next.handle();
    const given = idempotencyKeyOf(req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]);
    if (given === undefined) return next.handle();
    // The concrete path, not the route template: the same key on /cases/1 and /cases/2 is two requests.
    const principal = (this.behaviour.principalOf ?? defaultPrincipal)(req);
    // Both stored as digests: the key and the path are the caller's own strings, which may carry anything (a name, an
    // address), and the table must not keep them, not even for the day it keeps a key.
    const key = digest(given);
    const scope = digest(`POST ${pathOf(req)} ${principal === undefined ? 'anonymous' : `sub:${principal}`}`);
    return from(this.store.claim(key, scope, requestHash(req.body, req.query))).pipe(
      switchMap((claim) => {
        if (claim.outcome === 'mismatch') return throwError(() => keyReused());
        if (claim.outcome === 'in-flight') return throwError(() => keyInUse());
        if (claim.outcome === 'completed') return of(replay(res, claim.response));
        const answered = (response: StoredResponse) => this.store.complete(key, scope, claim.claimId, response);
        const withheld = this.reflector.get<string[] | undefined>(WITHHELD, context.getHandler()) ?? [];
        return next.handle().pipe(
          concatMap(async (body: unknown) => {
            const stored = { status: res.statusCode, headers: storedHeaders(res), body: without(body, withheld) };
            await answered(stored).catch((e) => this.warn(e));
            return body;
          }),
          catchError((error: unknown) =>
            from(this.settleFailure(error, req, key, scope, claim.claimId)).pipe(switchMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  /** 4xx answers are final and stored; a fault, a rate limit or invalid input frees the key for a retry. */
  private async settleFailure(error: unknown, req: HttpRequest, key: string, scope: string, claimId: string): Promise<void> {
    const problem = toProblem(error, req);
    const retryable = problem.status >= 500 || problem.status === 429 || error instanceof ValidationFailedException;
    const settled = retryable
      ? this.store.release(key, scope, claimId)
      : this.store.complete(key, scope, claimId, { status: problem.status, headers: problem.headers, body: problem.body });
    await settled.catch((e) => this.warn(e));
  }

  /** The answer was sent anyway; the key stays claimed until it goes stale, so a retry cannot run twice. */
  private warn(error: unknown): void {
    this.logger.warn(`could not record an idempotent answer: ${error instanceof Error ? error.message : typeof error}`);
  }
}

function replay(res: HttpResponse, stored: StoredResponse): unknown {
  for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
  if (stored.status >= 400) res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  res.status(stored.status);
  return stored.body;
}

function storedHeaders(res: HttpResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (!TRANSIENT.has(name) && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

function defaultPrincipal(req: HttpRequest): string | undefined {
  const subject = req.principal?.subject;
  return typeof subject === 'string' && subject !== '' ? subject : undefined;
}

function keyReused(): ProblemException {
  const detail = 'This Idempotency-Key was used with a different request body; use a new key for a new request.';
  return new ProblemException({ type: ProblemType.idempotencyKeyReused, title: 'Idempotency key reused', status: 422, detail });
}

function keyInUse(): ProblemException {
  const detail = 'A request with this Idempotency-Key is still being processed; retry shortly.';
  return new ProblemException({
    type: ProblemType.idempotencyKeyInUse,
    title: 'Idempotency key in use',
    status: 409,
    detail,
    headers: { 'Retry-After': '1' },
  });
}

function without(body: unknown, fields: string[]): unknown {
  if (fields.length === 0 || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([field]) => !fields.includes(field)));
}

/** SHA-256, hex: what the idempotency table keeps of a caller's key and of the path and principal it was used on. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
