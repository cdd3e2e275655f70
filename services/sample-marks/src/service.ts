import type { ServiceDefinition } from '@vertrouwd/runtime';
import { SampleMarksModule } from './sample-marks.module';

export const sampleMarks: ServiceDefinition = {
  name: 'sample-marks',
  version: '0.1.0',
  description: 'Sample service: an advisor records a mark (its remark sealed); the event leaves through the outbox.',
  module: SampleMarksModule,
};
