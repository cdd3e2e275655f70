import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceDefinition } from '@vertrouwd/runtime';
import { BillingModule } from './billing.module';

const manifest = JSON.parse(readFileSync(join(__dirname, '../service.manifest.json'), 'utf8')) as { description: string };

export const billingService: ServiceDefinition = {
  name: 'billing',
  version: '0.1.0',
  description: manifest.description,
  module: BillingModule,
};
