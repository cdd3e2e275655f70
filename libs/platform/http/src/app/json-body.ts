import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { ValidationFailedException } from '../problem/problem.exception';
import type { HttpRequest, HttpResponse, NextFunction } from '../http-types';

/** How complex a JSON body may be; both are checked on the raw bytes, before anything is parsed or transformed. */
export interface JsonLimits {
  /** Nesting of arrays and objects (default 32; the deepest request of any service is under 8). */
  maxDepth?: number;
  /** Object keys in the whole body (default 1000). */
  maxKeys?: number;
}

export const DEFAULT_JSON_LIMITS: Required<JsonLimits> = { maxDepth: 32, maxKeys: 1000 };

/** In a `u` pattern a pair of surrogates is one code point: only a lone one is of category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Keys that name an object's prototype machinery: refused anywhere in a body, never silently dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The `type` of the parser error each check raises; `toProblem` turns it into a problem naming the rule. */
export const JSON_REFUSALS: Record<string, { rule: string; message: (limit: number) => string }> = {
  'entity.too.deep': { rule: 'maxDepth', message: (limit) => `Arrays and objects may be nested ${limit} levels deep at most.` },
  'entity.too.many.keys': { rule: 'maxKeys', message: (limit) => `A body may have ${limit} object keys at most.` },
};

type Refusal = 'entity.too.deep' | 'entity.too.many.keys';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * One pass over the raw bytes, outside strings: the nesting depth and the number of `:` (one per object key in
 * well-formed JSON). Linear, no recursion, no allocation: a hostile body costs no more than its length.
 */
export function scanJson(body: Buffer, limits: Required<JsonLimits>): Refusal | undefined {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) {
      if (++depth > limits.maxDepth) return 'entity.too.deep';
    } else if (CLOSE.has(byte)) depth--;
    else if (byte === COLON && ++keys > limits.maxKeys) return 'entity.too.many.keys';
  }
  return undefined;
}

/** Shaped like body-parser's own errors (`status`, `type`), so Nest hands it to the problem filter as their kind. */
class JsonRefusedError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    readonly limit?: number,
  ) {
    super(type);
  }
}

/**
 * body-parser's `verify` hook: runs on the raw bytes before they are decoded and parsed. A byte order mark, bytes
 * that are not UTF-8 or a raw NUL byte (UTF-16 without a mark) are a 415 (only UTF-8 JSON is accepted, RFC 8259 §8.1);
 * too deep or too many keys a 400.
 */
export function verifyJsonBytes(limits: Required<JsonLimits>) {
  return (_req: IncomingMessage, _res: unknown, body: Buffer): void => {
    // A raw 0x00 byte is never in UTF-8 JSON (a NUL in a string is escaped), but UTF-16 or UTF-32 text without a byte
    // order mark is full of them and still passes as UTF-8: the same 415.
    if (!isUtf8(body) || (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) || body.includes(0)) {
      throw new JsonRefusedError('charset.unsupported', 415);
    }
    const refusal = scanJson(body, limits);
    if (refusal) throw new JsonRefusedError(refusal, 400, refusal === 'entity.too.deep' ? limits.maxDepth : limits.maxKeys);
  };
}

/**
 * After parsing, before validation: refuses `__proto__`, `constructor` and `prototype` keys (class-transformer
 * would drop them silently, another parser might honour them), NUL characters in strings (PostgreSQL text and
 * jsonb cannot hold them) and strings that are not well-formed Unicode: a lone surrogate (`"\ud800"`, valid JSON)
 * has no UTF-8 form, so storing it would change it, and validators that encode it throw (`@IsEmail()` did: a 500).
 * Iterative: depth is already bounded by `verifyJsonBytes`.
 */
export function refuseHostileJson(req: HttpRequest, _res: HttpResponse, next: NextFunction): void {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) {
    next();
    return;
  }
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      const refused = refusalOfString(value);
      if (refused) return next(refused);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return next(refusal(key, 'forbiddenKey', 'This key is not accepted anywhere in a body.'));
      const refused = refusalOfString(key);
      if (refused) return next(refused);
      pending.push((value as Record<string, unknown>)[key]);
    }
  }
  next();
}

/** A key or a value no column can hold as sent; named by `(body)`, since the key may be the caller's own text. */
function refusalOfString(text: string): ValidationFailedException | undefined {
  if (text.includes('\u0000')) return refusal('(body)', 'noNulCharacter', 'Strings must not contain a NUL character.');
  if (LONE_SURROGATE.test(text)) return refusal('(body)', 'wellFormedUnicode', 'Strings must be well-formed Unicode (no lone surrogate).');
  return undefined;
}

function refusal(field: string, rule: string, message: string): ValidationFailedException {
  return new ValidationFailedException([{ field, rule, message }]);
}
