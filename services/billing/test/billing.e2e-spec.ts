import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_AGENCY_ID, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { billingService } from '../src/service';

// The service over HTTP, as a client sees it: health, its API description, a command and a list, and the refusals.

describe('billing over HTTP', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const token = (user: string) => issuer.mintToken(user).then((t) => `Bearer ${t}`);
  const api = () => request(service.url);
  const items = `/agencies/${DEMO_AGENCY_ID}/billings`;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('billing');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'billing-')),
      PORT: '0',
    };
    service = await startService({ ...billingService, logger: false }, env);
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it('is ready and describes its API', async () => {
    await api().get('/health/ready').expect(200);
    const openApi = await api().get('/openapi.json').expect(200);
    expect(Object.keys(openApi.body.paths as object)).toEqual(
      expect.arrayContaining(['/agencies/{agencyId}/billings', '/agencies/{agencyId}/billings/{billingId}/closure']),
    );
  });

  it('opens one, lists it from the read model, closes it once', async () => {
    const carla = await token('coordinator-carla');
    const id = randomUUID();
    await api().post(items).set('Authorization', carla).send({ billingId: id }).expect(204);
    await service.app.get(ReadModels).caughtUp();
    await eventually(async () => {
      const listed = await api().get(items).set('Authorization', carla).expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ billingId: id, status: 'open' })]);
    });
    await api().post(`${items}/${id}/closure`).set('Authorization', carla).expect(204);
    const again = await api().post(`${items}/${id}/closure`).set('Authorization', carla).expect(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, rule: 'BillingAlreadyClosedError' });
  });

  it('refuses callers who may not, and bad input, with a problem', async () => {
    await api().get(items).expect(401);
    await api()
      .get(items)
      .set('Authorization', await token('advisor-anna'))
      .expect(403);
    await api()
      .get(`/agencies/${randomUUID()}/billings`)
      .set('Authorization', await token('coordinator-carla'))
      .expect(403);
    const carla = await token('coordinator-carla');
    const invalid = await api().post(items).set('Authorization', carla).send({ billingId: 'not-a-uuid' }).expect(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'billingId' })]);
    await api().post(`${items}/${randomUUID()}/closure`).set('Authorization', carla).expect(404);
  });
});
