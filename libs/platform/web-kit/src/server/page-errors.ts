import { randomUUID } from 'node:crypto';

/** Where a log line goes: standard error, unless a test collects it. */
export type LogLine = (line: string) => void;

const writeToStandardError: LogLine = (line) => void process.stderr.write(`${line}\n`);
// A class name or a code as libraries name them (`TypeError`, `FollowUpEnded`, `ECONNREFUSED`, `ERR_INVALID_URL`).
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function classOf(value: unknown): string {
  if (!(value instanceof Error)) return value === null ? 'null' : typeof value;
  return IDENTIFIER.test(value.name) ? value.name : value.constructor.name || 'Error';
}

function codeOf(value: unknown): Record<string, string> {
  const code = value instanceof Error ? (value as { code?: unknown }).code : undefined;
  return typeof code === 'string' && IDENTIFIER.test(code) ? { code } : {};
}

/**
 * Logs an error that a page's loader, action or render threw, as one JSON line with its class (and its cause's),
 * its code when it has one, and a new correlation id, which it returns. The error's message, properties and stack
 * are never written: a library's error may quote its input (a field typed into a form, a URL, a body), and the
 * pages handle reports, names and messages. The API services' logger drops error messages for the same reason.
 */
export function logPageError(service: string, error: unknown, log: LogLine = writeToStandardError): string {
  const correlationId = randomUUID();
  const cause = error instanceof Error && error.cause !== undefined ? { cause: classOf(error.cause) } : {};
  const line = { level: 'error', time: new Date().toISOString(), service, msg: 'a page failed', error: classOf(error) };
  log(JSON.stringify({ ...line, ...codeOf(error), ...cause, correlationId }));
  return correlationId;
}
