import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiExtension, ApiHeader } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import type { HttpRequest, HttpResponse } from '../http-types';
import { ApiProblemResponse } from '../openapi/api-problem-response.decorator';
import { ETAG_HEADER, entityTagOf, IF_MATCH_HEADER, ifMatchVersion } from './if-match';

/** Marks a read in the OpenAPI document; `documentProblems` turns it into the `ETag` header of its success. */
export const VERSIONED_READ_EXTENSION = 'x-versioned-read';

/** Sends the `version` of the answer as its `ETag`. */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<HttpResponse>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | undefined)?.version;
        if (Number.isSafeInteger(version) && (version as number) >= 0) res.setHeader(ETAG_HEADER, entityTagOf(version as number));
        return body;
      }),
    );
  }
}

/** Reads `If-Match` into `req.ifMatch` (a 400 when malformed), before the body is validated or the handler runs. */
@Injectable()
export class IfMatchInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const version = ifMatchVersion(req.headers[IF_MATCH_HEADER.toLowerCase()]);
    if (version !== undefined) req.ifMatch = version;
    return next.handle();
  }
}

/**
 * A read of an editable resource whose answer has a `version`: sent as a strong `ETag` too (`"3"`), which a
 * `@ConditionalWrite()` of the same resource takes back in `If-Match`.
 */
export function VersionedRead(): MethodDecorator {
  return applyDecorators(UseInterceptors(ETagInterceptor), ApiExtension(VERSIONED_READ_EXTENSION, true));
}

/**
 * A write of one aggregate that honours `If-Match` (RFC 9110 §13.1.1): the version the caller read travels in
 * `req.ifMatch` into the command context (`contextOf`), and the service kit's command runner refuses the command with
 * 412 when the aggregate is no longer at it. No `If-Match`, or `*`: the last write wins, as without this decorator.
 */
export function ConditionalWrite(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IfMatchInterceptor),
    ApiHeader({
      name: IF_MATCH_HEADER,
      required: false,
      description:
        'The ETag of the read this write is based on (`"3"`): refused with 412 when the resource changed since. ' +
        'Without it, or with `*`, the last write wins.',
      schema: { type: 'string', pattern: '^("[0-9]+"|\\*)$' },
    }),
    ApiProblemResponse(412, 'The resource changed since the version named in If-Match was read: nothing was written'),
  );
}
