import { Module } from '@nestjs/common';
import type { ServiceDefinition } from '@vertrouwd/runtime';
import type { IntakeLimits } from './application/intake-throttles';
import { IntakeModule } from './intake.module';

export const intake: ServiceDefinition = {
  name: 'intake',
  version: '0.1.0',
  description: "Public intake: the intake page, report submission (sealed), receipts, proofs, and the reporter's way back to their case.",
  module: IntakeModule,
};

/** Intake with some throttle limits replaced, e.g. `{ submissionsPerClient: { max: 1e9, windowMs: 3_600_000 } }` for a load test (`IntakeLimits`). */
export function configuredIntake(limits: Partial<IntakeLimits>): ServiceDefinition {
  @Module({ imports: [IntakeModule.withLimits(limits)] })
  class ConfiguredIntakeModule {}
  return { ...intake, module: ConfiguredIntakeModule };
}
