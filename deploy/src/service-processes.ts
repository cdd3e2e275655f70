import { join } from 'node:path';
import pino from 'pino';
import { ConfigurationError } from '@vertrouwd/config';
import { startService, type PoolSizes, type ServiceDefinition } from '@vertrouwd/runtime';
import { createLogger, NestPinoLogger, startTelemetry } from '@vertrouwd/telemetry';
import { readServiceManifests, type ServiceManifest } from './service-manifests';

/** The services `npm start` runs, each with its own port and database: every folder under services/ with a manifest. */
export const SERVICES: readonly ServiceManifest[] = readServiceManifests();

export interface ServiceProcess {
  name: string;
  url: string;
  stop(): Promise<void>;
}

/** What one service gets besides the environment every service shares: its database and port. */
export interface HostedService {
  name: string;
  env: Record<string, string>;
}

/**
 * Each service's pools under `npm start` (ADR 0039), instead of 10, 10, 10 and 5: every pooled connection is a
 * PostgreSQL process of ~2 MiB, and the bus's pool stays full while its consumers poll. Enough for one agency;
 * the event store's group commit needs two connections for its batches in flight.
 */
export const EMBEDDED_POOL_SIZES: Required<PoolSizes> = { database: 4, eventStore: 4, bus: 3, keyVault: 2 };

const ROOT = join(__dirname, '../..');

/** Every service started and not yet stopped: stopped on every way out. */
const started = new Set<ServiceProcess>();

/** Stops every service still running, all at once (each closes its HTTP server, then its platform). */
export function stopAllServices(): Promise<void> {
  return Promise.allSettled([...started].map((service) => service.stop())).then(() => undefined);
}

/** The service definition `services/<name>/src/service.ts` exports under the service's name. */
export function serviceDefinition(name: string, root = ROOT): ServiceDefinition {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the services are found from their manifests at run time
  const exports = require(join(root, 'services', name, 'src', 'service.ts')) as Record<string, unknown>;
  const definition = Object.values(exports).find(
    (value): value is ServiceDefinition =>
      typeof value === 'object' && value !== null && 'module' in value && (value as ServiceDefinition).name === name,
  );
  if (!definition) throw new Error(`services/${name}/src/service.ts exports no service definition named ${name}`);
  return definition;
}

/**
 * Starts every service in this process (ADR 0039), as its `main.ts` would start it alone: telemetry, a redacting
 * logger (to `logDir/<name>.log`), its own Nest application, database, pools and port, with `env` shared and
 * `HostedService.env` its own. The modules they share (Node, Nest, the platform libraries) are loaded once instead
 * of once per service. Resolves once every service listens; rejects naming the first that could not start.
 */
export async function startServices(
  services: readonly HostedService[],
  env: Record<string, string>,
  logDir: string,
): Promise<ServiceProcess[]> {
  const baseEnv = { ...process.env, ...env };
  return Promise.all(
    services.map(async ({ name, env: own }) => {
      const definition = serviceDefinition(name);
      const telemetry = startTelemetry({ serviceName: name, serviceVersion: definition.version, instrumentations: true });
      const logger = createLogger({
        serviceName: name,
        destination: pino.destination({ dest: join(logDir, `${name}.log`), append: true, mkdir: true }),
      });
      try {
        const service = await startService(
          { ...definition, logger: new NestPinoLogger(logger) },
          { ...baseEnv, ...own },
          { poolSizes: EMBEDDED_POOL_SIZES },
        );
        let stopping: Promise<void> | undefined;
        const running: ServiceProcess = {
          name,
          url: service.url,
          stop: () =>
            (stopping ??= service
              .close()
              .finally(() => telemetry.shutdown())
              .finally(() => started.delete(running))),
        };
        started.add(running);
        return running;
      } catch (error) {
        logger.error({ err: error }, `${name} failed to start`);
        await telemetry.shutdown();
        // As runMain: configuration errors name variables and rules, never values; other errors only their class.
        const reason = error instanceof ConfigurationError ? error.message : error instanceof Error ? error.name : 'unknown error';
        throw new Error(`${name} failed to start: ${reason}`, { cause: error });
      }
    }),
  );
}
