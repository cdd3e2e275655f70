import { defineContract } from '../contract';

/**
 * The sample path of the embedded default (until the domain services exist): a mark was recorded in the
 * sample service. Consumed by the sample digest, which counts marks per topic.
 */
export const MarkRecordedV1 = defineContract({
  type: 'sample.mark-recorded',
  version: 1,
  description: 'A mark was recorded (its free-text remark stays sealed in the producing service).',
  payload: {
    type: 'object',
    additionalProperties: false,
    required: ['markId', 'topic', 'weight', 'recordedAt'],
    properties: {
      markId: { type: 'string', format: 'uuid' },
      topic: { type: 'string', enum: ['unwanted-behaviour', 'integrity', 'other'] },
      weight: { type: 'integer', minimum: 0, maximum: 100 },
      recordedAt: { type: 'string', format: 'date-time' },
    },
  },
  fields: { markId: 'id', topic: 'enum', weight: 'count', recordedAt: 'timestamp' },
});

export interface MarkRecordedPayload {
  markId: string;
  topic: 'unwanted-behaviour' | 'integrity' | 'other';
  weight: number;
  recordedAt: string;
}
