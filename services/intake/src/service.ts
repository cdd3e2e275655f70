import type { ServiceDefinition } from '@vertrouwd/runtime';
import { IntakeModule } from './intake.module';

export const intake: ServiceDefinition = {
  name: 'intake',
  version: '0.1.0',
  description: 'Public intake: the intake page, report submission (sealed), receipts, proofs, and the reporter\'s way back to their case.',
  module: IntakeModule,
};
