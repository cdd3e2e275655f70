import { type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { Observable } from 'rxjs';
import { ValidationFailedException } from '../problem/problem.exception';

/** A handler's query parameters by name, or `any` when it takes the whole query (a DTO, its own decorator). */
type Accepted = ReadonlySet<string> | 'any';

const QUERY = `${RouteParamtypes.QUERY}:`;
/** Where `@ApiQuery` keeps what it documents (@nestjs/swagger's `DECORATORS.API_PARAMETERS`). */
const API_PARAMETERS = 'swagger/apiParameters';

/**
 * Refuses a query parameter the handler does not declare (`@Query('name')`, or `@ApiQuery` beside a whole-query
 * record), as a body's unknown field is refused: `?regime[]=wbk` was ignored and answered as if unfiltered, so a
 * caller's typo read as "everything", and `?reson=audit` logged a read as `case-work`. A handler taking the whole
 * query as a DTO is left to the validation pipe. The parameter is not named: its name is the caller's text.
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
      accepted = declaredBy(context.getClass(), handler);
      this.accepted.set(handler, accepted);
    }
    return accepted;
  }
}

/**
 * The query parameters a handler declares: each `@Query('name')`; with `@Query()` taking the whole query as a plain
 * record, the names its `@ApiQuery` documents (a DTO class is the validation pipe's to check field by field, so any).
 * Param decorators of the platform's own (`@CurrentPrincipal()`) read no query.
 */
function declaredBy(controller: object, handler: { name: string }): Accepted {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', (controller as { prototype: object }).prototype, handler.name) ??
    []) as unknown[];
  const names = new Set<string>();
  for (const [key, arg] of Object.entries(args)) {
    if (!key.startsWith(QUERY)) continue;
    if (typeof arg.data === 'string') {
      names.add(arg.data);
      continue;
    }
    const type = types[arg.index];
    if (type !== undefined && type !== Object) return 'any';
    const documented = ((Reflect.getMetadata(API_PARAMETERS, handler) ?? []) as { name?: unknown; in?: unknown }[]).filter(
      (parameter) => parameter.in === 'query' && typeof parameter.name === 'string',
    );
    if (documented.length === 0) return 'any';
    for (const parameter of documented) names.add(parameter.name as string);
  }
  return names;
}
