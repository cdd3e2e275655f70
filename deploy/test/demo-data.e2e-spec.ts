import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_AGENCY_ID, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { caseService } from '../../services/case/src/service';
import { intake } from '../../services/intake/src/service';
import { seedDemoData } from '../src/demo-data';
import type { ServiceProcess } from '../src/service-processes';

// What `npm start` seeds, against intake and case as it runs them: the coordinator finds the demo reports waiting,
// and no later start files them again.
describe('demo data', () => {
  let issuer: DevIssuer;
  let dbs: TestDatabase[];
  let running: RunningService[];
  let services: ServiceProcess[];
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-data-e2e-'));

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    dbs = await Promise.all(['intake', 'case', 'bus', 'vault'].map((label) => createTestDatabase(`demo_${label}`)));
    const common = {
      OIDC_ISSUER: issuer.issuer,
      BUS_DATABASE_URL: dbs[2].url,
      PRIVACY_DATABASE_URL: dbs[3].url,
      PORT: '0',
      REPORTER_TOKEN_SECRET: 'e2e-demo-data-secret-of-at-least-32-chars',
      VERTROUWD_DATA_DIR: dataDir,
    };
    running = [
      await startService({ ...intake, logger: false }, { ...common, DATABASE_URL: dbs[0].url }),
      await startService({ ...caseService, logger: false }, { ...common, DATABASE_URL: dbs[1].url }),
    ];
    services = running.map((s) => ({ name: s.platform.serviceName, url: s.url, stop: () => s.close() }));
  });
  afterAll(async () => {
    for (const service of running ?? []) await service.close();
    await issuer?.stop();
    await Promise.all((dbs ?? []).map((db) => db.drop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const waiting = async () => {
    const { body } = await request(running[1].url)
      .get(`/agencies/${DEMO_AGENCY_ID}/cases?status=waiting-for-assignment`)
      .set('Authorization', `Bearer ${await issuer.mintToken('coordinator-carla')}`)
      .expect(200);
    return (body.cases as { caseId: string }[]).map((c) => c.caseId).sort();
  };

  it('files the demo reports once, and the coordinator sees them waiting', async () => {
    expect(await seedDemoData(services, issuer, dataDir)).toBe(true);
    const seeded = await waiting();
    expect(seeded).toHaveLength(2);

    // A later start: the marker skips seeding; without it (a restart mid-seed) the idempotency keys replay.
    expect(await seedDemoData(services, issuer, dataDir)).toBe(true);
    rmSync(join(dataDir, 'demo-data.seeded'));
    expect(await seedDemoData(services, issuer, dataDir)).toBe(true);
    expect(await waiting()).toEqual(seeded);
  });

  it('seeds nothing with an external identity provider', async () => {
    expect(await seedDemoData(services, undefined, dataDir)).toBe(false);
  });
});
