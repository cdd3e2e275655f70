import { type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { Observable } from 'rxjs';
import { ValidationFailedException } from '../problem/problem.exception';

/** A handler's query parameters by name, or `any` when it takes the whole query (a DTO, its own decorator). */
type Accepted = ReadonlySet<string> | 'any';

const QUERY = `${RouteParamtypes.QUERY}:`;

/**
 * Refuses a query parameter the handler does not declare (`@Query('name')`), as a body's unknown field is refused:
 * `?regime[]=wbk` was ignored and answered as if unfiltered, so a caller's typo read as "everything". A handler
 * that takes the whole query (`@Query()` with a DTO, which the validation pipe checks field by field) or has a param
 * decorator of its own is left to them. The parameter is not named: its name is the caller's text.
 */
export class KnownQueryInterceptor implements NestInterceptor {
  private readonly accepted = new WeakMap<object, Accepted>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const query = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {};
    const keys = Object.keys(query);
    if (keys.length > 0) {
      const accepted = this.acceptedBy(context);
      if (accepted !== 'any' && keys.some((key) => !accepted.has(key))) {
        throw new ValidationFailedException([
          { field: '(query)', rule: 'unknownParameter', message: 'A query parameter this endpoint does not take.' },
        ]);
      }
    }
    return next.handle();
  }

  private acceptedBy(context: ExecutionContext): Accepted {
    const handler = context.getHandler();
    let accepted = this.accepted.get(handler);
    if (accepted === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, { data?: unknown }>;
      const names = new Set<string>();
      accepted = names;
      for (const [key, arg] of Object.entries(args)) {
        if (key.startsWith(QUERY)) {
          if (typeof arg.data !== 'string') accepted = 'any';
          else names.add(arg.data);
        } else if (key.includes(CUSTOM_ROUTE_ARGS_METADATA)) accepted = 'any';
      }
      this.accepted.set(handler, accepted);
    }
    return accepted;
  }
}
