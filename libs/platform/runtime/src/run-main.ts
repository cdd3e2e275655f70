import { ConfigurationError } from '@vertrouwd/config';
import { createLogger, NestPinoLogger, startTelemetry } from '@vertrouwd/telemetry';
import { startService, type ServiceDefinition } from './start-service';

/**
 * A service's `main`: telemetry first (so every later module is traced), a redacting logger, the
 * service, and a clean stop on SIGINT/SIGTERM. Prints one line the launcher waits for.
 */
export function runMain(definition: ServiceDefinition): void {
  const telemetry = startTelemetry({ serviceName: definition.name, serviceVersion: definition.version, instrumentations: true });
  const logger = createLogger({ serviceName: definition.name });
  startService({ ...definition, logger: new NestPinoLogger(logger) }).then(
    (service) => {
      console.log(`${definition.name} listening on ${service.url}`);
      const stop = () =>
        void service
          .close()
          .then(() => telemetry.shutdown())
          .finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      logger.error({ err: error }, `${definition.name} failed to start`);
      // Configuration errors name variables and rules, never values: the operator needs to read them.
      const reason = error instanceof ConfigurationError ? error.message : error instanceof Error ? error.name : 'unknown error';
      console.error(`${definition.name} failed to start: ${reason}`);
      process.exit(1);
    },
  );
}
