import { ForbiddenException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_METADATA, type RequestWithPrincipal } from './access.decorators';
import { declarationProblem, denialFor, mergeDeclarations, type AccessDeclaration, type ScopedRequest } from './access-policy';
import { BearerAuthenticator, InvalidBearerTokenException } from './bearer-authenticator';

type GuardedRequest = ScopedRequest & RequestWithPrincipal & { headers: Record<string, string | string[] | undefined> };

/**
 * The global guard (registered by `AuthModule.forRoot`): deny by default. An endpoint is reachable only as its
 * declarations say (`@Public`, `@Roles` + `@TenantScope`, `@ReporterAccess`); an undeclared one is refused for
 * every caller, before any token is read (ADR 0009). 401 for a missing or invalid token, 403 for a valid one that
 * may not call the endpoint; both say why without naming any person or tenant value.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(BearerAuthenticator) private readonly authenticator: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') throw new ForbiddenException('Access denied: only HTTP endpoints declare access');
    const access = mergeDeclarations(this.declared(context.getHandler()), this.declared(context.getClass()));
    const problem = declarationProblem(access);
    if (problem) throw new ForbiddenException(`Access denied: ${problem}`);
    if (access.public) return true;

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    try {
      const principal = await this.authenticator.authenticate(request.headers.authorization);
      const denial = denialFor(access, principal, request);
      if (denial) throw new ForbiddenException(`Access denied: ${denial}`);
      request.principal = principal;
      return true;
    } catch (error) {
      if (error instanceof InvalidBearerTokenException) {
        context
          .switchToHttp()
          .getResponse<{ setHeader(name: string, value: string): void }>()
          .setHeader('WWW-Authenticate', error.wwwAuthenticate);
      }
      throw error;
    }
  }

  private declared(target: ReturnType<ExecutionContext['getHandler']>): AccessDeclaration {
    const get = <T>(key: string) => this.reflector.get<T | undefined>(key, target);
    return {
      public: get<boolean>(ACCESS_METADATA.public),
      roles: get<AccessDeclaration['roles']>(ACCESS_METADATA.roles),
      tenant: get<AccessDeclaration['tenant']>(ACCESS_METADATA.tenant),
      reporter: get<AccessDeclaration['reporter']>(ACCESS_METADATA.reporter),
    };
  }
}
