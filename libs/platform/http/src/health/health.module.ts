import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { HealthCheck } from './health-check';
import { HEALTH_CHECKS, HEALTH_CHECK_TIMEOUT_MS, HealthController } from './health.controller';

/** Serves `/health/live` and `/health/ready`; `createHttpApp` imports it with its `healthChecks`. */
@Module({})
export class HealthModule {
  static forRoot(checks: HealthCheck[], timeoutMs = 2_000): DynamicModule {
    return {
      module: HealthModule,
      // Terminus's own log line quotes every check's error message; the controller logs the failures itself.
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        { provide: HEALTH_CHECKS, useValue: checks },
        { provide: HEALTH_CHECK_TIMEOUT_MS, useValue: timeoutMs },
      ],
    };
  }
}
