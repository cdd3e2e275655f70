import type { EventStore } from '@vertrouwd/event-sourcing';
import type { SealedContentRead } from '../../domain/case/case.events';
import type { ReadReason } from '../../domain/case/case.values';

/**
 * Logs a read of a case's sealed content in its access log (`access-<caseId>`) before the content is shown: who,
 * when, which fields (names only) and the reason the reader stated. The auditor lists it and the replay shows it.
 */
export async function logRead(store: EventStore, caseId: string, actor: string, fields: string[], reason: ReadReason): Promise<void> {
  const read: SealedContentRead = { type: 'SealedContentRead', caseId, actor, fields, at: new Date().toISOString(), reason };
  await store.appendToStream(`access-${caseId}`, [{ type: read.type, data: read, metadata: { actor } }], 'any');
}
