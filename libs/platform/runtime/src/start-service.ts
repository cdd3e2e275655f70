import type { DynamicModule, LoggerService, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { authOptionsFromEnv, Public } from '@vertrouwd/auth';
import { createHttpApp, HealthController, postgresCheck, purgeIdempotencyKeys, type OpenApiOptions } from '@vertrouwd/http';
import { httpTracing, NestPinoLogger, requestLogger, requestLogging } from '@vertrouwd/telemetry';
import { createPlatform, type Platform, type PlatformOptions } from './platform';
import { PlatformModule } from './platform.module';

export interface ServiceDefinition {
  name: string;
  version: string;
  description: string;
  /** The service's root module; it receives the platform through PlatformModule. */
  module: Type<unknown>;
  logger?: LoggerService | false;
}

export interface RunningService {
  app: NestExpressApplication;
  platform: Platform;
  url: string;
  close(): Promise<void>;
}

// Health and readiness are for load balancers and the launcher: public by declaration, like /docs.
Public()(HealthController);

/**
 * Starts a service: the platform from the environment, the HTTP application (problem+json, validation,
 * idempotency, OpenAPI, health with the database and bus as readiness checks), listening on PORT (0: any).
 */
export async function startService(
  definition: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
  options: PlatformOptions = {},
): Promise<RunningService> {
  const platform = await createPlatform(definition.name, env, options);
  platform.readinessChecks.unshift(postgresCheck(platform.pool, 'database'), { name: 'bus', check: () => platform.bus.ping() });
  const app = await createHttpApp(serviceRoot(definition, platform, env), {
    ...serviceHttpOptions(definition),
    // The platform's list itself: checks added once the application runs (the read models') are checked too.
    healthChecks: platform.readinessChecks,
    logger: definition.logger,
    // Every request in a server span, continuing the caller's trace; handlers copy it into event metadata.
    first: [httpTracing()],
    // This application's own request log (its service's name, its destination), refused requests included.
    ...(definition.logger instanceof NestPinoLogger ? { requestLog: requestLogger(definition.logger) } : {}),
  });
  // No Nest shutdown hooks: runMain owns SIGINT/SIGTERM and closes the app, then the platform, then telemetry.
  const purge = setInterval(() => void purgeIdempotencyKeys(platform.pool).catch(() => undefined), 60 * 60 * 1000);
  purge.unref();
  await app.listen(Number(env.PORT ?? 0), env.HOST ?? '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    platform,
    url: url.replace('[::1]', '127.0.0.1'),
    close: async () => {
      clearInterval(purge);
      await app.close();
      await platform.close();
    },
  };
}

/** The service's module with the platform's parts (and the request log when the logger is ours) imported. */
export function serviceRoot(definition: ServiceDefinition, platform: Platform, env: NodeJS.ProcessEnv): DynamicModule {
  return {
    module: definition.module,
    imports: [
      PlatformModule.forRoot(platform, authOptionsFromEnv(env)),
      // A line per request (route template and status) and the correlation id on every line logged during it.
      ...(definition.logger instanceof NestPinoLogger ? [requestLogging(definition.logger)] : []),
    ],
  };
}

/** What every service's HTTP application is named and versioned as, in `/openapi.json` too. */
export function serviceHttpOptions(definition: ServiceDefinition): { serviceName: string; version: string; openApi: OpenApiOptions } {
  return {
    serviceName: definition.name,
    version: definition.version,
    openApi: { title: `Vertrouwd ${definition.name}`, description: definition.description, version: definition.version },
  };
}
