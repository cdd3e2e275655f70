import type { OpenAPIObject } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { ALL_CONTRACTS, ContractRegistry } from '@vertrouwd/contracts';
import type { EventStore } from '@vertrouwd/event-sourcing';
import { createHttpApp, openApiDocument } from '@vertrouwd/http';
import type { MessageBus } from '@vertrouwd/messaging';
import type { Privacy } from '@vertrouwd/privacy';
import type { Platform } from './platform';
import { serviceHttpOptions, serviceRoot, type ServiceDefinition } from './start-service';

/**
 * The environment a service is described in. Only what decides which modules and providers exist matters: reporter
 * tokens on (as in every deployment), an issuer that is never asked (preview mode verifies no token).
 */
const DESCRIBE_ENV: NodeJS.ProcessEnv = {
  OIDC_ISSUER: 'https://issuer.invalid/realms/vertrouwd',
  REPORTER_TOKEN_SECRET: 'describing-the-api-signs-no-token-with-this-secret',
};

/**
 * A service's OpenAPI document (what its `/openapi.json` serves) without its platform: the app is created in Nest's
 * preview mode, which reads every module, controller and decorator but constructs no provider, so no database, bus,
 * key vault or issuer is needed and nothing runs. The platform's parts are absent stand-ins that no code touches.
 * ADR 0049 says why this and not a started service.
 */
export async function describeService(definition: ServiceDefinition): Promise<OpenAPIObject> {
  const options = serviceHttpOptions(definition);
  const app = await createHttpApp(serviceRoot({ ...definition, logger: false }, absentPlatform(definition.name), DESCRIBE_ENV), {
    ...options,
    healthChecks: [],
    logger: false,
    preview: true,
  });
  try {
    return openApiDocument(app, options.openApi);
  } finally {
    await app.close();
  }
}

const INSPECTED = new Set(['then', 'constructor', 'toJSON']);

/** A platform none of whose parts can be used: preview mode hands them to no constructor and calls no factory. */
function absentPlatform(serviceName: string): Platform {
  const absent = <T>(part: string): T =>
    new Proxy(
      {},
      {
        get(_target, key) {
          // Nest and Promise look at values (`then`, `constructor`, symbols); anything else is a use, which describing never makes.
          if (typeof key === 'symbol' || INSPECTED.has(key)) return undefined;
          throw new Error(`describeService: the platform's ${part} is absent while a service is only described (used: ${key})`);
        },
      },
    ) as T;
  return {
    serviceName,
    config: {},
    pool: absent<Pool>('database pool'),
    store: absent<EventStore>('event store'),
    bus: absent<MessageBus>('message bus'),
    privacy: { sealer: absent<Privacy['sealer']>('sealer') } as Privacy,
    vaultInServiceDatabase: true,
    contracts: new ContractRegistry(ALL_CONTRACTS),
    readinessChecks: [],
    close: () => Promise.resolve(),
  };
}
