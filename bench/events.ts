// Test data: events whose JSON data is about `eventBytes` long, with correlation and causation ids.
import { randomUUID } from 'node:crypto';
import type { BenchEvent } from './contenders/contender';

export function makeEvent(streamId: string, sequence: number, eventBytes: number): BenchEvent {
  const data: Record<string, unknown> = {
    caseId: streamId,
    advisorId: randomUUID(),
    occurredAt: new Date(Date.UTC(2026, 2, 2, 9, 0, sequence % 60)).toISOString(),
    channel: 'phone',
    sequence,
    note: '',
  };
  data.note = 'x'.repeat(Math.max(0, eventBytes - JSON.stringify(data).length));
  const correlationId = randomUUID();
  return { id: randomUUID(), type: 'CaseNoteAdded', data, metadata: { correlationId, causationId: correlationId } };
}

/** `count` streams of `length` events each, built before any timing starts. */
export function makeStreams(count: number, length: number, eventBytes: number): { streamId: string; events: BenchEvent[] }[] {
  return Array.from({ length: count }, () => {
    const streamId = `case-${randomUUID()}`;
    return { streamId, events: Array.from({ length }, (_, i) => makeEvent(streamId, i, eventBytes)) };
  });
}
