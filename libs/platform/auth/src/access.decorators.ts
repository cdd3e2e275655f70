import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role, TenantDimension } from './principal';

/** Where a request carries a tenant value: a route parameter, a query parameter or a body field. */
export type RequestValuePath = `params.${string}` | `query.${string}` | `body.${string}`;

/** For each tenant dimension, where the request names it; the token's claim must equal that value. */
export type TenantScopeSpec = Partial<Record<TenantDimension, RequestValuePath>>;

/** Metadata keys; exported for the guard and for tests that inspect declarations. */
export const ACCESS_METADATA = {
  public: 'vertrouwd:access:public',
  roles: 'vertrouwd:access:roles',
  tenant: 'vertrouwd:access:tenant',
  reporter: 'vertrouwd:access:reporter',
} as const;

/**
 * Declares an endpoint (or every endpoint of a controller) open without a token: the intake page and report
 * submission. A handler that declares `@Roles` or `@ReporterAccess` is not public even in a `@Public` controller.
 */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(ACCESS_METADATA.public, true);

/**
 * Declares which realm roles may call the endpoint (any one suffices). On a handler it replaces the controller's
 * roles. User tokens also need a `@TenantScope` declaration; without one the endpoint is denied.
 */
export const Roles = (...roles: [Role, ...Role[]]): ClassDecorator & MethodDecorator => SetMetadata(ACCESS_METADATA.roles, roles);

/**
 * Declares the tenant scope of a `@Roles` endpoint: for each dimension, the request value the token's claim
 * (`agency_id`, `organisation_id`, `advisor_id`, `case_id`) must equal, e.g.
 * `@TenantScope({ agency: 'params.agencyId' })`. A principal without the claim is denied. `'none'` declares, on
 * purpose, that the request names no tenant: the handler derives it from the principal, or the endpoint is
 * platform-wide (admin). Only user tokens carry the first three claims and only reporter tokens carry `case_id`.
 */
export const TenantScope = (scope: TenantScopeSpec | 'none'): ClassDecorator & MethodDecorator =>
  SetMetadata(ACCESS_METADATA.tenant, scope);

/** Options of {@link ReporterAccess}. */
export interface ReporterAccessOptions {
  /** The route parameter holding the case id; the reporter token's `case_id` must equal it. */
  caseParam: string;
}

/**
 * Declares that reporter tokens may call the endpoint, for the case in route parameter `caseParam` only. Reporter
 * tokens are refused everywhere else; user tokens are accepted here only if `@Roles` is declared too.
 */
export const ReporterAccess = (options: ReporterAccessOptions): ClassDecorator & MethodDecorator =>
  SetMetadata(ACCESS_METADATA.reporter, options);

/** The request property where the guard puts the verified principal. */
export interface RequestWithPrincipal {
  principal?: Principal;
}

/**
 * Injects the verified {@link Principal} into a handler parameter: `list(@CurrentPrincipal() who: Principal)`.
 * Undefined on `@Public` endpoints.
 */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest<RequestWithPrincipal>().principal,
);
