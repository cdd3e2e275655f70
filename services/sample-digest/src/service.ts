import type { ServiceDefinition } from '@vertrouwd/runtime';
import { SampleDigestModule } from './sample-digest.module';

export const sampleDigest: ServiceDefinition = {
  name: 'sample-digest',
  version: '0.1.0',
  description: 'Sample service: counts recorded marks per topic from the bus, into its own events and read model.',
  module: SampleDigestModule,
};
