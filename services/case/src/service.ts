import type { ServiceDefinition } from '@vertrouwd/runtime';
import { CaseModule } from './case.module';

export const caseService: ServiceDefinition = {
  name: 'case',
  version: '0.1.0',
  description: 'Case work: a reporter\u2019s case from opening to erasure, its legal clocks, and its audit replay.',
  module: CaseModule,
};
