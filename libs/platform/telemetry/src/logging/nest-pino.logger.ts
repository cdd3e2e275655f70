import type { LogLevel, LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type PinoMethod = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

const PINO_LEVEL: Record<LogLevel, PinoMethod> = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
};
const STACK = /\n\s+at /;
const isStack = (value: unknown): value is string => typeof value === 'string' && STACK.test(value);

/**
 * Nest's `LoggerService` over a logger from `createLogger`, for `app.useLogger(new NestPinoLogger(logger))`
 * (or `NestFactory.create(Module, { logger: new NestPinoLogger(logger) })`, so start-up lines go there too).
 * Nest's trailing context string becomes the `context` field; an error's stack string from Nest becomes an
 * `err`, so it is logged as frames without its message like every other error.
 */
export class NestPinoLogger implements LoggerService {
  private enabled?: ReadonlySet<LogLevel>;

  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest's level list filters on top of the pino logger's own level. */
  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels);
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    if (this.enabled && !this.enabled.has(level)) return;
    const rest = [...params];
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' && !isStack(last) ? (rest.pop() as string) : undefined;
    const stack = level === 'error' || level === 'fatal' ? this.stackFrom(rest) : undefined;
    const fields: Record<string, unknown> = { ...(context ? { context } : {}), ...(stack ? { err: stack } : {}) };
    if (rest.length > 0) fields.details = rest;
    const method = PINO_LEVEL[level];
    if (message instanceof Error) this.logger[method]({ ...fields, err: message }, message.constructor.name);
    else if (typeof message === 'object' && message !== null) this.logger[method]({ ...fields, ...message });
    else this.logger[method](fields, String(message));
  }

  // Nest passes `error(message, stack, context)`: a stack string is rebuilt into an Error so that only its
  // frames are logged (its first line repeats the message).
  private stackFrom(rest: unknown[]): Error | undefined {
    const index = rest.findIndex(isStack);
    if (index < 0) return undefined;
    const error = new Error();
    error.stack = rest.splice(index, 1)[0] as string;
    return error;
  }
}
