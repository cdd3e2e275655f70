import { sameId } from '@vertrouwd/domain';
import type { ReporterAccessOptions, RequestValuePath, TenantScopeSpec } from './access.decorators';
import { TENANT_CLAIMS, tenantOf, type Principal, type Role, type TenantDimension } from './principal';

/** What an endpoint declares, after merging handler and controller metadata. */
export interface AccessDeclaration {
  public?: boolean;
  roles?: Role[];
  tenant?: TenantScopeSpec | 'none';
  reporter?: ReporterAccessOptions;
}

/** The parts of a request a tenant scope can point at. */
export interface ScopedRequest {
  params?: Record<string, unknown>;
  query?: unknown;
  body?: unknown;
}

/**
 * Handler declarations override the controller's one by one, except that a handler declaring `@Roles` or
 * `@ReporterAccess` is never made public by a `@Public` controller (the safer reading of the two).
 */
export function mergeDeclarations(handler: AccessDeclaration, controller: AccessDeclaration): AccessDeclaration {
  const handlerNeedsToken = handler.roles !== undefined || handler.reporter !== undefined;
  return {
    public: handler.public ?? (handlerNeedsToken ? undefined : controller.public),
    roles: handler.roles ?? controller.roles,
    tenant: handler.tenant ?? controller.tenant,
    reporter: handler.reporter ?? controller.reporter,
  };
}

/**
 * What is wrong with the declaration itself, judged before any token is read: deny-by-default means an endpoint
 * that declares nothing, or half of what a user endpoint needs, is refused for everyone.
 */
export function declarationProblem(access: AccessDeclaration): string | undefined {
  if (!access.public && !access.roles && !access.reporter) {
    return 'the endpoint declares no access: add @Public, @Roles with @TenantScope, or @ReporterAccess';
  }
  if (access.public && (access.roles || access.reporter)) {
    return 'the endpoint declares @Public together with @Roles or @ReporterAccess';
  }
  if (access.roles && !access.tenant) {
    return "the endpoint declares @Roles without @TenantScope (use @TenantScope('none') if the request names no tenant)";
  }
  return undefined;
}

/** Why the principal may not call the endpoint, or undefined when it may. Reasons name claims, never values. */
export function denialFor(access: AccessDeclaration, principal: Principal, request: ScopedRequest): string | undefined {
  return principal.kind === 'reporter' ? reporterDenial(access, principal, request) : userDenial(access, principal, request);
}

function reporterDenial(access: AccessDeclaration, principal: Principal, request: ScopedRequest): string | undefined {
  if (!access.reporter) return 'this endpoint does not accept a reporter token';
  const caseId = valueAt(request, `params.${access.reporter.caseParam}`);
  if (!principal.caseId || !sameRequestId(caseId, principal.caseId)) {
    return 'the reporter token is for another case';
  }
  return access.tenant && access.tenant !== 'none' && access.tenant.case
    ? scopeDenial(principal, 'case', access.tenant.case, request)
    : undefined;
}

function userDenial(access: AccessDeclaration, principal: Principal, request: ScopedRequest): string | undefined {
  if (!access.roles) return 'this endpoint accepts a reporter token only';
  if (!access.roles.some((role) => principal.roles.includes(role))) {
    return `the endpoint requires one of the roles: ${access.roles.join(', ')}`;
  }
  if (!access.tenant || access.tenant === 'none') return undefined;
  for (const [dimension, path] of Object.entries(access.tenant) as [TenantDimension, RequestValuePath][]) {
    const denial = scopeDenial(principal, dimension, path, request);
    if (denial) return denial;
  }
  return undefined;
}

function scopeDenial(principal: Principal, dimension: TenantDimension, path: string, request: ScopedRequest): string | undefined {
  const claim = TENANT_CLAIMS[dimension];
  const granted = tenantOf(principal, dimension);
  if (!granted) return `tenant scope: the token carries no ${claim}`;
  return sameRequestId(valueAt(request, path), granted) ? undefined : `tenant scope: the token's ${claim} does not match ${placeOf(path)}`;
}

/** A request's id and a token's name the same thing in either case (`A1…` in a path is the token's `a1…`). */
function sameRequestId(value: string | undefined, granted: string): boolean {
  return value !== undefined && sameId(value, granted);
}

/** Where a request value is, in the caller's words: `agencyId in the path` (never the value). */
function placeOf(path: string): string {
  const [source, ...keys] = path.split('.');
  const where = source === 'params' ? 'the path' : source === 'query' ? 'the query' : 'the body';
  return `${keys.join('.')} in ${where}`;
}

/** Reads `params.x`, `query.x` or `body.a.b`; anything but a non-empty string (arrays, objects) counts as absent. */
export function valueAt(request: ScopedRequest, path: string): string | undefined {
  const [source, ...keys] = path.split('.');
  if (source !== 'params' && source !== 'query' && source !== 'body') return undefined;
  let value: unknown = request[source];
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
