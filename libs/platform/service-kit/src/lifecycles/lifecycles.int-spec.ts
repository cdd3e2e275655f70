import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { ReportWithdrawnV1, SummaryApprovedV1, type ContractDefinition } from '@vertrouwd/contracts';
import { DEAD_LETTER_HEADERS, toMessage, type DeliveredMessage } from '@vertrouwd/messaging';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { Tally } from '../fixtures/tally.aggregate';
import { recorded, TallyModule, TallyRepository } from '../fixtures/tally.service';
import { ReadModels } from './read-models';

// The kit's lifecycles in a running service on a real PostgreSQL (event store, bus, read models): listeners with
// the inbox and the dead-letter policy, migrations run once, projections caught up, interval jobs.

describe('service kit lifecycles', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const dataDir = mkdtempSync(join(tmpdir(), 'vertrouwd-kit-'));
  const start = async () =>
    startService(
      { name: 'tally', version: '0.0.0', description: 'The kit’s test service', module: TallyModule, logger: false },
      { DATABASE_URL: db.url, OIDC_ISSUER: issuer.issuer, VERTROUWD_DATA_DIR: dataDir, PORT: '0' },
    );

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('kit_lifecycles');
    service = await start();
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  async function publish(contract: ContractDefinition, key: string, payload: object, eventId: string = randomUUID()): Promise<string> {
    const event = {
      eventId,
      type: contract.type,
      version: contract.version,
      occurredAt: new Date().toISOString(),
      key,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      payload,
    };
    service.platform.contracts.validate(event);
    await service.platform.bus.publish([toMessage(event)]);
    return eventId;
  }
  const withdrawal = (id: string, eventId?: string) =>
    publish(ReportWithdrawnV1, id, { caseId: id, withdrawnAt: new Date().toISOString() }, eventId);

  describe('CommandListener', () => {
    it('turns an event into its command, once however often it is delivered (the inbox)', async () => {
      const id = randomUUID();
      const eventId = await withdrawal(id);
      await withdrawal(id, eventId);
      await withdrawal(id, eventId);
      const later = randomUUID();
      await withdrawal(later);
      await eventually(() => expect(recorded.withdrawn).toContain(later));
      expect(recorded.withdrawn.filter((x) => x === id)).toEqual([id]);
    });

    it('dead-letters a command a rule refuses, at once and with the rule’s code, and goes on with the next', async () => {
      const dead: DeliveredMessage[] = [];
      const reader = service.platform.bus.consume({
        group: `dlq-reader-${randomUUID()}`,
        topics: [`${ReportWithdrawnV1.type}.v1.dlq`],
        handle: (message) => Promise.resolve(void dead.push(message)),
      });
      try {
        const refused = randomUUID();
        recorded.refuse.add(refused);
        await withdrawal(refused);
        const next = randomUUID();
        await withdrawal(next);
        await eventually(() => expect(recorded.withdrawn).toContain(next));
        await eventually(() => expect(dead.map((m) => m.key)).toContain(refused));
        const letter = dead.find((m) => m.key === refused)!;
        expect(letter.headers[DEAD_LETTER_HEADERS.error]).toContain('TallyWithdrawnError');
        expect(letter.headers[DEAD_LETTER_HEADERS.attempts]).toBe('1');
        expect(recorded.withdrawn).not.toContain(refused);
      } finally {
        await reader.stop();
      }
    });

    it('retries a command that failed for another reason, and it goes through', async () => {
      const flaky = randomUUID();
      recorded.failOnce.add(flaky);
      await withdrawal(flaky);
      await eventually(() => expect(recorded.withdrawn).toContain(flaky));
      expect(recorded.failOnce.has(flaky)).toBe(false);
    });
  });

  describe('ReadModelListener', () => {
    const rows = (caseId: string) =>
      service.app.get(ReadModels).dataSource.query<unknown[]>('select summary_id from approvals where case_id = $1', [caseId]);

    it('writes an event’s rows exactly once however often it is delivered', async () => {
      const caseId = randomUUID();
      const payload = { caseId, summaryId: randomUUID(), approvedAt: new Date().toISOString() };
      const eventId = await publish(SummaryApprovedV1, caseId, payload);
      await publish(SummaryApprovedV1, caseId, payload, eventId);
      const marker = randomUUID();
      await publish(SummaryApprovedV1, marker, { ...payload, caseId: marker, summaryId: randomUUID() });
      await eventually(async () => expect(await rows(marker)).toHaveLength(1));
      expect(await rows(caseId)).toHaveLength(1);
    });

    it('rolls the inbox record back with the rows when applying fails, so nothing is half-written', async () => {
      const caseId = randomUUID();
      const eventId = await publish(SummaryApprovedV1, caseId, { caseId, summaryId: caseId, approvedAt: new Date().toISOString() });
      const marker = randomUUID();
      await publish(SummaryApprovedV1, marker, { caseId: marker, summaryId: randomUUID(), approvedAt: new Date().toISOString() });
      await eventually(async () => expect(await rows(marker)).toHaveLength(1));
      expect(await rows(caseId)).toEqual([]);
      const inbox: unknown[] = await service.app.get(ReadModels).dataSource.query('select 1 from inbox where message_id = $1', [eventId]);
      expect(inbox).toEqual([]);
    });
  });

  describe('ReadModels', () => {
    it('projects the service’s events and says when it has caught up', async () => {
      const tally = new Tally();
      const id = randomUUID();
      tally.open(id, randomUUID());
      tally.count(4);
      tally.count(3);
      await service.app.get(TallyRepository).save(tally);
      await service.app.get(ReadModels).caughtUp();
      const [row] = await service.app
        .get(ReadModels)
        .dataSource.query<{ count: number }[]>('select count from tally_counts where tally_id = $1', [id]);
      expect(row.count).toBe(7);
      expect(() => service.app.get(ReadModels).projection('no-such-projection')).toThrow('No projection named no-such-projection');
    });

    it('runs each migration once, also across restarts, and never synchronizes', async () => {
      expect(recorded.migrationRuns).toBe(1);
      await service.close();
      service = await start();
      expect(recorded.migrationRuns).toBe(1);
      const applied = await service.app
        .get(ReadModels)
        .dataSource.query<{ name: string }[]>('select name from read_model_migrations order by id');
      expect(applied.map((m) => m.name)).toEqual(['InboxTable1733400000000', 'TallyTables1733600000000']);
      expect(service.app.get(ReadModels).dataSource.options.synchronize).toBe(false);
    });
  });

  describe('IntervalJob', () => {
    it('runs on its interval under @nestjs/schedule, survives a failed run, and is removed at shutdown', async () => {
      const scheduler = service.app.get(SchedulerRegistry);
      expect(scheduler.getIntervals()).toContain('TallyJob');
      await eventually(() => expect(recorded.jobRuns).toBeGreaterThanOrEqual(3)); // the first run failed
      await service.close();
      expect(scheduler.doesExist('interval', 'TallyJob')).toBe(false);
      const runs = recorded.jobRuns;
      await new Promise((resolve) => setTimeout(resolve, 100)); // five intervals: a job still scheduled would have run
      expect(recorded.jobRuns).toBe(runs);
      service = await start();
    });
  });
});
