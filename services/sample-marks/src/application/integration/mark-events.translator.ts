import { MarkRecordedV1, type MarkRecordedPayload } from '@vertrouwd/contracts';
import type { Translated } from '@vertrouwd/messaging';
import type { MarkEvent } from '../../domain/mark/mark.events';

/** Domain events → integration events: the one place that decides what leaves the service. No remark. */
export function translateMarkEvent(event: MarkEvent): Translated[] {
  const payload: MarkRecordedPayload = { markId: event.markId, topic: event.topic, weight: event.weight, recordedAt: event.recordedAt };
  return [{ contract: MarkRecordedV1, payload }];
}
