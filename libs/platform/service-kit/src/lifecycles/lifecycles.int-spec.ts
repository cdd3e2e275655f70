import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { ReportWithdrawnV1, SummaryApprovedV1, topicOf, type ContractDefinition } from '@vertrouwd/contracts';
import { DEAD_LETTER_HEADERS, deadLetterTopic, toMessage, type DeliveredMessage } from '@vertrouwd/messaging';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { Tally } from '../fixtures/tally.aggregate';
import { recorded, TallyJob, TallyModule, TallyRepository } from '../fixtures/tally.service';
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
    rmSync(dataDir, { recursive: true, force: true });
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
  /** A withdrawal of `caseId`; keyed by the case unless `key` says otherwise (one key: one partition, in order). */
  const withdrawal = (caseId: string, { eventId, key = caseId }: { eventId?: string; key?: string } = {}) =>
    publish(ReportWithdrawnV1, key, { caseId, withdrawnAt: new Date().toISOString() }, eventId);

  /** Reads a topic's dead letters while `body` runs. */
  async function withDeadLetters(contract: ContractDefinition, body: (dead: DeliveredMessage[]) => Promise<void>): Promise<void> {
    const dead: DeliveredMessage[] = [];
    const reader = service.platform.bus.consume({
      group: `dlq-reader-${randomUUID()}`,
      topics: [deadLetterTopic(topicOf(contract))],
      handle: (message) => Promise.resolve(void dead.push(message)),
    });
    try {
      await body(dead);
    } finally {
      await reader.stop();
    }
  }

  describe('CommandListener', () => {
    it('turns an event into its command, once however often it is delivered (the inbox)', async () => {
      const id = randomUUID();
      const eventId = await withdrawal(id);
      await withdrawal(id, { eventId });
      await withdrawal(id, { eventId });
      const later = randomUUID();
      await withdrawal(later, { key: id }); // behind the redeliveries
      await eventually(() => expect(recorded.withdrawn).toContain(later));
      expect(recorded.withdrawn.filter((x) => x === id)).toEqual([id]);
      const inbox: unknown[] = await service.app
        .get(ReadModels)
        .dataSource.query('select 1 from inbox where consumer = $1 and message_id = $2', ['tally', eventId]);
      expect(inbox).toHaveLength(1);
    });

    it('dead-letters a command a rule refuses, at once and with the rule’s code, and goes on with the next', async () => {
      await withDeadLetters(ReportWithdrawnV1, async (dead) => {
        const refused = randomUUID();
        recorded.refuse.add(refused);
        const refusedEvent = await withdrawal(refused);
        const next = randomUUID();
        await withdrawal(next, { key: refused }); // same partition, right behind the refused one
        await eventually(() => expect(recorded.withdrawn).toContain(next));
        await eventually(() => expect(dead.map((m) => m.key)).toContain(refused));
        const letter = dead.find((m) => m.key === refused)!;
        expect(letter.headers[DEAD_LETTER_HEADERS.error]).toContain('TallyWithdrawnError');
        expect(letter.headers[DEAD_LETTER_HEADERS.attempts]).toBe('1');
        expect((JSON.parse(letter.value) as { eventId: string }).eventId).toBe(refusedEvent);
        expect(recorded.withdrawn).not.toContain(refused);
        expect(dead.filter((m) => m.key === refused)).toHaveLength(1);
      });
    });

    it('retries a command that failed for another reason, and it goes through without a dead letter', async () => {
      await withDeadLetters(ReportWithdrawnV1, async (dead) => {
        const flaky = randomUUID();
        recorded.failOnce.add(flaky);
        await withdrawal(flaky);
        await eventually(() => expect(recorded.withdrawn).toContain(flaky));
        expect(recorded.failOnce.has(flaky)).toBe(false); // it failed once before it went through
        const marker = randomUUID();
        recorded.refuse.add(marker);
        await withdrawal(marker, { key: flaky }); // a dead letter behind it: the flaky one would be there first
        await eventually(() => expect(dead.map((m) => m.key)).toContain(flaky));
        expect(dead.map((m) => JSON.parse(m.value) as { payload: { caseId: string } }).map((e) => e.payload.caseId)).not.toContain(flaky);
      });
    });
  });

  describe('ReadModelListener', () => {
    const rows = (caseId: string) =>
      service.app.get(ReadModels).dataSource.query<unknown[]>('select summary_id from approvals where case_id = $1', [caseId]);
    const approval = (caseId: string, summaryId: string = randomUUID()) => ({ caseId, summaryId, approvedAt: new Date().toISOString() });

    it('writes an event’s rows exactly once however often it is delivered', async () => {
      const caseId = randomUUID();
      const payload = approval(caseId);
      const eventId = await publish(SummaryApprovedV1, caseId, payload);
      await publish(SummaryApprovedV1, caseId, payload, eventId);
      await publish(SummaryApprovedV1, caseId, payload, eventId);
      const marker = randomUUID();
      await publish(SummaryApprovedV1, caseId, approval(marker)); // behind the redeliveries
      await eventually(async () => expect(await rows(marker)).toHaveLength(1));
      expect(await rows(caseId)).toHaveLength(1);
      const inbox: unknown[] = await service.app
        .get(ReadModels)
        .dataSource.query('select 1 from inbox where consumer = $1 and message_id = $2', ['tally-approvals', eventId]);
      expect(inbox).toHaveLength(1);
    });

    it('rolls the inbox record back with the rows when applying fails, on every attempt, so nothing is half-written', async () => {
      await withDeadLetters(SummaryApprovedV1, async (dead) => {
        const caseId = randomUUID();
        // A row that fails after it was written: were the inbox record kept, the second attempt would skip it and succeed.
        const eventId = await publish(SummaryApprovedV1, caseId, approval(caseId, caseId));
        await eventually(() => expect(dead.map((m) => m.key)).toContain(caseId));
        const letter = dead.find((m) => m.key === caseId)!;
        expect(letter.headers[DEAD_LETTER_HEADERS.attempts]).toBe('5');
        expect(letter.headers[DEAD_LETTER_HEADERS.error]).toBe('TallyFaultError');
        expect(await rows(caseId)).toEqual([]);
        const inbox: unknown[] = await service.app.get(ReadModels).dataSource.query('select 1 from inbox where message_id = $1', [eventId]);
        expect(inbox).toEqual([]);
      });
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

    it('migrates before the service takes work, each migration once, also across restarts, and never synchronizes', async () => {
      const tables = async () =>
        (
          await service.app.get(ReadModels).dataSource.query<Record<string, boolean>[]>(
            `select to_regclass('approvals') is not null as approvals, to_regclass('tally_counts') is not null as counts,
                      to_regclass('inbox') is not null as inbox, to_regclass('tally_archive') is not null as archive`,
          )
        )[0];
      // The fixture's migration made its tables and the kit's made the inbox; the entity no migration creates has no table.
      expect(await tables()).toEqual({ approvals: true, counts: true, inbox: true, archive: false });
      expect(recorded.migrationRuns).toBe(1);
      await service.close();
      service = await start();
      expect(recorded.migrationRuns).toBe(1);
      const applied = await service.app
        .get(ReadModels)
        .dataSource.query<{ name: string }[]>('select name from read_model_migrations order by id');
      expect(applied.map((m) => m.name)).toEqual(['InboxTable1733400000000', 'TallyTables1733600000000']);
      expect(await tables()).toEqual({ approvals: true, counts: true, inbox: true, archive: false });
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

    it('logs a failed run by its error class only (never its message), and runs again on the next interval', async () => {
      const errors = jest.spyOn(service.app.get(TallyJob).log, 'error');
      try {
        recorded.jobFailures = 2;
        await eventually(() => expect(errors).toHaveBeenCalledTimes(2));
        const runs = recorded.jobRuns;
        await eventually(() => expect(recorded.jobRuns).toBeGreaterThanOrEqual(runs + 2));
        expect(errors.mock.calls.map(([message]) => message)).toEqual(['run failed: TallyFaultError', 'run failed: TallyFaultError']);
      } finally {
        errors.mockRestore();
      }
    });

    it('runs one pass at a time, and lets a pass in flight finish before the service stops', async () => {
      let release!: () => void;
      recorded.jobLog = [];
      recorded.jobHeld = false;
      recorded.jobGate = new Promise<void>((resolve) => (release = resolve));
      await eventually(() => expect(recorded.jobHeld).toBe(true));
      const runs = recorded.jobRuns;
      await new Promise((resolve) => setTimeout(resolve, 100)); // five intervals: none started beside the held pass
      expect(recorded.jobRuns).toBe(runs);
      const closed = service.close().then(() => void recorded.jobLog.push('closed'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      recorded.jobLog.push('released');
      release();
      await closed;
      expect(recorded.jobLog).toEqual(['released', 'run ended', 'closed']);
      service = await start();
    });
  });
});
