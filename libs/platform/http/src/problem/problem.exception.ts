import { HttpException } from '@nestjs/common';
import { ProblemType, type FieldError } from './problem';

/** What a service states to answer with a specific problem; `instance` and `correlationId` are filled in. */
export interface ProblemInit {
  type: string;
  title: string;
  status: number;
  /** Shown to clients: describe the failure, never echo submitted values or personal data. */
  detail: string;
  errors?: FieldError[];
  /** Headers to send with the problem, e.g. `WWW-Authenticate` or `Retry-After`. */
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

/** Throw to answer with an exact problem+json body; the global filter renders it as given. */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: ProblemInit,
    options?: { cause?: unknown },
  ) {
    super(problem.detail, problem.status, options);
  }
}

/** The request body or parameters broke DTO rules; thrown by the global `ValidationPipe`, before any handler runs. */
export class ValidationFailedException extends ProblemException {
  constructor(errors: FieldError[], detail = 'The request has invalid fields; see errors.') {
    super({ type: ProblemType.validation, title: 'Invalid request', status: 400, detail, errors });
  }
}

/** 429 with `Retry-After` (seconds), for rate limits and quotas. */
export class TooManyRequestsException extends ProblemException {
  constructor(retryAfterSeconds: number, detail = 'Too many requests; retry later.') {
    super({
      type: ProblemType.tooManyRequests,
      title: 'Too many requests',
      status: 429,
      detail,
      headers: { 'Retry-After': String(Math.max(0, Math.ceil(retryAfterSeconds))) },
    });
  }
}
