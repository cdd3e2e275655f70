import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceDefinition } from '@vertrouwd/runtime';
import { ReportingModule } from './reporting.module';

const manifest = JSON.parse(readFileSync(join(__dirname, '../service.manifest.json'), 'utf8')) as { description: string };

export const reportingService: ServiceDefinition = {
  name: 'reporting',
  version: '0.1.0',
  description: manifest.description,
  module: ReportingModule,
};
