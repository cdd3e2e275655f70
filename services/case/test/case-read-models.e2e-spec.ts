import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { ReportSubmittedV1, ReportWithdrawnV1, type ContractDefinition } from '@vertrouwd/contracts';
import { toMessage } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { DeadlineWatch } from '../src/application/jobs/deadline-watch.job';
import { MarkDeadlineMissed } from '../src/application/mark-deadline-missed/mark-deadline-missed.command';
import { CASE_READ_MODEL } from '../src/application/ports/case-read-model.port';
import { acknowledgementDue, feedbackDue } from '../src/domain/case/legal-clock';
import { CaseReadModels1733500000000 } from '../src/infrastructure/migrations/1733500000000-case-read-models';
import { HandoverOffers1796490000001 } from '../src/infrastructure/migrations/1796490000001-handover-offers';
import { LegalClocksByCalendarDay1796490000000 } from '../src/infrastructure/migrations/1796490000000-legal-clocks-by-calendar-day';
import { CaseOverviewReporterAsked1796480000000 } from '../src/infrastructure/migrations/1796480000000-case-overview-reporter-asked';
import { caseService } from '../src/service';
import { publishDemoCounsellors } from './directory.fixture';

// The jobs and projections over the read models, against a running service: the deadline watch moved through
// time by its injectable clock, then both read models dropped and rebuilt from the events.

const anna = DEMO_ADVISORS['advisor-anna'];

describe('case read models: the deadline watch and rebuilding the projections', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  let readModels: ReadModels;
  let watch: DeadlineWatch;
  let now: Date;
  const received = new Date();
  const cases = { silent: randomUUID(), prompt: randomUUID(), closed: randomUUID(), withdrawn: randomUUID(), erased: randomUUID() };
  const token = (user: string) => issuer.mintToken(user).then((t) => `Bearer ${t}`);
  const api = () => request(service.url);

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('case_read_models');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'vertrouwd-case-rm-')),
      PORT: '0',
    };
    service = await startService({ ...caseService, logger: false }, env);
    await publishDemoCounsellors(service);
    readModels = service.app.get(ReadModels);
    // The watch as the module builds it, with a clock the test moves instead of the system clock.
    watch = new DeadlineWatch(service.app.get(CASE_READ_MODEL), service.app.get(CommandBus), () => now);

    const carla = await token('coordinator-carla');
    for (const id of Object.values(cases)) {
      await publish(ReportSubmittedV1, id, await report(id));
      await eventually(() =>
        api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
      );
    }
    const a = await token('advisor-anna');
    await api().post(`/cases/${cases.prompt}/acknowledgement`).set('Authorization', a).expect(204);
    await api().post(`/cases/${cases.closed}/closure`).set('Authorization', a).send({ outcome: 'no-further-contact' }).expect(204);
    await api()
      .post(`/cases/${cases.erased}/erasure`)
      .set('Authorization', await token('admin-adam'))
      .expect(204);
    await publish(ReportWithdrawnV1, cases.withdrawn, { caseId: cases.withdrawn, withdrawnAt: new Date().toISOString() });
    await eventually(async () => expect(await types(cases.withdrawn)).toContain('ReportWithdrawn'));
    await readModels.caughtUp();
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  async function report(id: string): Promise<Record<string, unknown>> {
    return {
      caseId: id,
      agencyId: DEMO_AGENCY_ID,
      organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
      theme: 'discrimination',
      relation: 'colleague',
      anonymity: 'anonymous',
      contactChannel: 'platform',
      language: 'nl',
      preferredAdvisorGender: 'any',
      preferredAdvisorKind: 'any',
      consentVersion: 'v1',
      receivedAt: received.toISOString(),
      sealedAccount: await service.platform.privacy.sealer.seal('an account', caseKey(id)),
    };
  }

  async function publish(contract: ContractDefinition, key: string, payload: object): Promise<void> {
    const event = {
      eventId: randomUUID(),
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
  }

  const types = async (id: string) => (await service.platform.store.readStream(`case-${id}`)).map((e) => e.type);
  const missed = async (id: string) =>
    (await service.platform.store.readStream(`case-${id}`))
      .filter((e) => e.type === 'DeadlineMissed')
      .map((e) => (e.data as { deadline: string }).deadline);

  /** Runs the watch at `at` as often as asked, the read models catching up in between or not. */
  async function runAt(at: Date, times = 1): Promise<number[]> {
    now = at;
    const counts = [];
    for (let i = 0; i < times; i += 1) counts.push(await watch.runOnce());
    await readModels.caughtUp();
    return counts;
  }

  const DAY_MS = 24 * 60 * 60 * 1000;
  const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);
  const ackDue = acknowledgementDue(received);

  describe('DeadlineWatch', () => {
    it('marks nothing up to the end of the 7th day in Amsterdam', async () => {
      expect(await runAt(ackDue)).toEqual([0]);
      for (const id of Object.values(cases)) expect(await missed(id)).toEqual([]);
    });

    it('marks the acknowledgement of a case never acknowledged, once however often it runs', async () => {
      const after = plus(ackDue, 1);
      await runAt(after, 3); // three runs before the read model saw the first one: the aggregate keeps it at one
      await runAt(after, 2);
      expect(await runAt(plus(received, 30 * DAY_MS), 2)).toEqual([0, 0]);
      expect(await missed(cases.silent)).toEqual(['acknowledgement']);
      const [event] = (await service.platform.store.readStream(`case-${cases.silent}`)).filter((e) => e.type === 'DeadlineMissed');
      expect(event?.data).toMatchObject({
        deadline: 'acknowledgement',
        dueAt: ackDue.toISOString(),
        regime: 'service-standard', // discrimination: unwanted behaviour, the agency's own standard
        advisorId: anna,
        detectedAt: after.toISOString(),
      });
      expect(event?.metadata.actor).toBe('system:deadline-watch');
    });

    it('marks nothing for a case acknowledged in time', async () => {
      expect(await missed(cases.prompt)).toEqual([]);
    });

    it('marks the feedback 3 months after the acknowledgement, or 3 months after the 7 days without one', async () => {
      const acknowledgement = (await service.platform.store.readStream(`case-${cases.prompt}`)).find((e) => e.type === 'CaseAcknowledged');
      const acknowledgedAt = new Date((acknowledgement!.data as { acknowledgedAt: string }).acknowledgedAt);
      const promptDue = feedbackDue(received, acknowledgedAt);
      const silentDue = feedbackDue(received);
      await runAt(promptDue);
      expect(await missed(cases.prompt)).toEqual([]);
      await runAt(plus(promptDue, 1), 2);
      expect(await missed(cases.prompt)).toEqual(['feedback']);
      if (silentDue > promptDue) expect(await missed(cases.silent)).toEqual(['acknowledgement']); // its feedback is due later

      await runAt(plus(silentDue, 1), 2);
      expect(await missed(cases.silent)).toEqual(['acknowledgement', 'feedback']);
      expect(await missed(cases.prompt)).toEqual(['feedback']);
    });

    it('holds a closed case to its deadlines: closing without acknowledgement or feedback meets neither', async () => {
      expect(await missed(cases.closed)).toEqual(['acknowledgement', 'feedback']);
    });

    it('skips withdrawn and erased cases (their clocks stopped), also when asked directly before the read model saw the end', async () => {
      const late = plus(received, 365 * DAY_MS);
      expect(await runAt(late, 2)).toEqual([0, 0]);
      for (const id of [cases.withdrawn, cases.erased]) {
        for (const deadline of ['acknowledgement', 'feedback'] as const) {
          const context = { actor: 'system:deadline-watch', correlationId: id };
          await service.app.get(CommandBus).execute(new MarkDeadlineMissed(id, deadline, late, context));
        }
        expect(await missed(id)).toEqual([]);
      }
      expect(await types(cases.erased)).toEqual(['CaseOpened', 'AdvisorAssigned', 'CaseErased']);
      // The auditor's replay says what the watch did: the clocks of the withdrawn case stopped, none was missed.
      const { body: replay } = await api()
        .get(`/audits/${randomUUID()}/cases/${cases.withdrawn}/replay`)
        .set('Authorization', await token('auditor-ada'))
        .expect(200);
      expect(replay.clocks).toMatchObject({
        regime: 'service-standard',
        acknowledgement: { state: 'stopped' },
        feedback: { state: 'stopped' },
      });
    });

    it('goes on with the other cases when one fails', async () => {
      const orphan = randomUUID(); // a clock row whose case has no stream: its command fails
      await readModels.dataSource.query(
        'insert into legal_clocks ("caseId", "agencyId", "receivedAt", "acknowledgementDueAt", "feedbackDueAt") ' +
          'values ($1, $2, $3, $3, $3)',
        [orphan, DEMO_AGENCY_ID, new Date(0)],
      );
      const other = randomUUID();
      await publish(ReportSubmittedV1, other, await report(other));
      await eventually(async () => expect(await types(other)).toEqual(['CaseOpened']));
      await readModels.caughtUp();
      await runAt(plus(received, 365 * DAY_MS));
      expect(await missed(other)).toEqual(['acknowledgement', 'feedback']);
      await readModels.dataSource.query('delete from legal_clocks where "caseId" = $1', [orphan]);
    });
  });

  describe('projections', () => {
    it('rebuilds case_overview and legal_clocks from the events after both were dropped: the same rows', async () => {
      await readModels.caughtUp();
      const snapshot = async () => ({
        overview: await readModels.dataSource.query('select * from case_overview order by "caseId"'),
        clocks: await readModels.dataSource.query('select * from legal_clocks order by "caseId"'),
      });
      const before = await snapshot();
      expect(before.overview).toHaveLength(6);
      expect(before.clocks).toHaveLength(6);
      expect(new Set(before.overview.map((row: { status: string }) => row.status))).toEqual(
        new Set(['open', 'waiting-for-assignment', 'closed', 'erased']),
      );
      expect(before.clocks.filter((row: { acknowledgementMissed: boolean }) => row.acknowledgementMissed)).toHaveLength(3);
      expect(before.clocks.filter((row: { stoppedAt: Date | null }) => row.stoppedAt !== null)).toHaveLength(2);

      await readModels.dataSource.query('drop table case_overview, legal_clocks');
      // The schema back, empty, as a fresh deployment's migration creates it.
      const runner = readModels.dataSource.createQueryRunner();
      const migrations = [
        new CaseReadModels1733500000000(),
        new CaseOverviewReporterAsked1796480000000(),
        new LegalClocksByCalendarDay1796490000000(),
        new HandoverOffers1796490000001(),
      ];
      for (const migration of migrations) await migration.up(runner);
      await runner.release();
      expect((await snapshot()).overview).toEqual([]);
      await readModels.projection('case-overview').rebuild();
      await readModels.projection('legal-clocks').rebuild();

      expect(await snapshot()).toEqual(before);
      expect(await readModels.projection('case-overview').status()).toMatchObject({ running: true, lag: 0n });
    });
  });
});
