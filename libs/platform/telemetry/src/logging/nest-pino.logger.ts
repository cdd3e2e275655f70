import type { LogLevel, LoggerService } from '@nestjs/common';
import { Logger as PinoNestLogger, PinoLogger, type Params } from 'nestjs-pino';
import type { Logger } from 'pino';
import { requestLoggingParams } from './request-logging';

const STACK = /\n\s+at /;
const isStack = (value: unknown): value is string => typeof value === 'string' && STACK.test(value);

/**
 * nestjs-pino's logger, writing to a given pino logger outside a request. nestjs-pino keeps one root logger per
 * process (the first one configured); a service is one process, but tests and the cross-service tests create
 * several, each with its own destination, so outside a request each writes to its own. Inside a request it is
 * the request's logger from pino-http: the same destination, with the correlation id bound.
 */
class OwnPinoLogger extends PinoLogger {
  constructor(
    private readonly own: Logger,
    params: Params,
  ) {
    super(params);
  }

  override get logger(): Logger {
    const current = super.logger;
    return current === PinoLogger.root ? this.own : current;
  }
}

/**
 * Nest's `LoggerService` over a logger from `createLogger`, built on nestjs-pino's: for
 * `NestFactory.create(Module, { logger: new NestPinoLogger(logger) })` (so start-up lines go there too), with
 * `requestLogger(nestLogger)` mounted for a line per request and `requestLogging(nestLogger)` imported for the
 * correlation id on every line logged during it.
 * Levels map as nestjs-pino maps them (`verbose` is pino's `trace`), Nest's trailing context string becomes the
 * `context` field. Added here: an error's stack string from Nest becomes an `err`, so it is logged as frames
 * without its message like every other error while the message stays, other extra arguments go to `details`,
 * and the levels Nest sets filter on top of the pino logger's own.
 */
export class NestPinoLogger extends PinoNestLogger implements LoggerService {
  /** nestjs-pino's parameters, for `requestLogging`. */
  readonly params: Params;
  private enabled?: ReadonlySet<LogLevel>;

  constructor(logger: Logger) {
    const params = requestLoggingParams(logger);
    super(new OwnPinoLogger(logger, params), params);
    this.params = params;
  }

  override log(message: unknown, ...params: unknown[]): void {
    if (this.allows('log')) super.log(...this.normalise('log', message, params));
  }
  override error(message: unknown, ...params: unknown[]): void {
    if (this.allows('error')) super.error(...this.normalise('error', message, params));
  }
  override warn(message: unknown, ...params: unknown[]): void {
    if (this.allows('warn')) super.warn(...this.normalise('warn', message, params));
  }
  override debug(message: unknown, ...params: unknown[]): void {
    if (this.allows('debug')) super.debug(...this.normalise('debug', message, params));
  }
  override verbose(message: unknown, ...params: unknown[]): void {
    if (this.allows('verbose')) super.verbose(...this.normalise('verbose', message, params));
  }
  override fatal(message: unknown, ...params: unknown[]): void {
    if (this.allows('fatal')) super.fatal(...this.normalise('fatal', message, params));
  }

  /** Nest's level list filters on top of the pino logger's own level. */
  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels);
  }

  private allows(level: LogLevel): boolean {
    return !this.enabled || this.enabled.has(level);
  }

  // Into the one shape nestjs-pino passes to pino unchanged: (fields, message?, context). The context goes last
  // even when undefined, since nestjs-pino takes the last argument for it.
  private normalise(level: LogLevel, message: unknown, params: unknown[]): [unknown, ...unknown[]] {
    // Nest's own Logger fills a missing stack with undefined before the context.
    const rest = params.filter((param) => param !== undefined);
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' && !isStack(last) ? (rest.pop() as string) : undefined;
    const stack = level === 'error' || level === 'fatal' ? stackFrom(rest) : undefined;
    const fields: Record<string, unknown> = { ...(stack ? { err: stack } : {}), ...(rest.length > 0 ? { details: rest } : {}) };
    if (message instanceof Error) return [{ ...fields, err: message }, context];
    if (typeof message === 'object' && message !== null) return [{ ...fields, ...message }, context];
    return [fields, String(message), context];
  }
}

// Nest passes `error(message, stack, context)`: a stack string is rebuilt into an Error so that only its frames
// are logged (its first line repeats the message).
function stackFrom(rest: unknown[]): Error | undefined {
  const index = rest.findIndex(isStack);
  if (index < 0) return undefined;
  const error = new Error();
  error.stack = rest.splice(index, 1)[0] as string;
  return error;
}
