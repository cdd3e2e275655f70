import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@vertrouwd/event-sourcing';
import { CaseNoticesProjector } from './case-notices.projector';

const caseId = randomUUID();
const advisorId = randomUUID();

function recorded(type: string, data: object, recordedAt = new Date()): RecordedEvent {
  return {
    id: randomUUID(),
    type,
    data: { caseId, ...data },
    metadata: { prevHash: '', hash: '' },
    streamId: `case-${caseId}`,
    version: 1,
    position: 1n,
    recordedAt,
  };
}

/** The projector against a manager that records what it would queue (kind, recipient) in order. */
async function queued(events: RecordedEvent[]): Promise<[string, string][]> {
  const calls: unknown[][] = [];
  const manager = { query: async (_sql: string, parameters: unknown[]) => (calls.push(parameters), [{ fresh: 1 }]) };
  await new CaseNoticesProjector().apply(events, manager as unknown as EntityManager);
  return calls.map(([, kind, recipient]) => [kind as string, recipient as string]);
}

describe('CaseNoticesProjector', () => {
  it('queues the advisor’s notices by reference: assigned, transferred to, a reporter’s message, a summary answered', async () => {
    const newAdvisor = randomUUID();
    expect(
      await queued([
        recorded('AdvisorAssigned', { advisorId }),
        recorded('CaseTransferred', { fromAdvisorId: advisorId, toAdvisorId: newAdvisor }),
        recorded('ReporterMessageReceived', { messageId: randomUUID() }),
        recorded('SummaryApproved', { summaryId: randomUUID() }),
        recorded('SummaryCorrected', { summaryId: randomUUID() }),
        recorded('CaseAcknowledged', { advisorId }),
      ]),
    ).toEqual([
      ['case-assigned', `advisor:${advisorId}`],
      ['case-assigned', `advisor:${newAdvisor}`],
      ['reporter-message', 'case-advisor'],
      ['summary-answered', 'case-advisor'],
      ['summary-answered', 'case-advisor'],
    ]);
  });

  it('queues nothing for events older than a day (a first start on old events, a rebuild)', async () => {
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000);
    expect(await queued([recorded('AdvisorAssigned', { advisorId }, old)])).toEqual([]);
  });
});
