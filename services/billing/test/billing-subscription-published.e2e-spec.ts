import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_AGENCY_ID, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { SubscriptionPublishedV1, topicOf, type IntegrationEvent } from '@vertrouwd/contracts';
import type { Consumer } from '@vertrouwd/messaging';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { billingService } from '../src/service';
import { factsArrived, publishOrganisation } from './billing.fixture';

// Billing's one integration event, on the bus as reporting consumes it: a subscription (the written agreement)
// started, its terms changed, it ended; each time the whole agreement with a higher version, and nothing of the
// terms (invoicing name, address, buyer reference) ever leaves billing.

describe('billing publishes the written agreement', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const org = randomUUID();
  const received: IntegrationEvent[] = [];
  let reader: Consumer | undefined;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('billing_agreement');
    service = await startService(
      { ...billingService, logger: false },
      {
        DATABASE_URL: db.url,
        OIDC_ISSUER: issuer.issuer,
        VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'billing-agreement-')),
        PORT: '0',
      },
    );
    await publishOrganisation(service, { organisationId: org, agencyId: DEMO_AGENCY_ID, headcount: 60 });
    await factsArrived(service, 1, 0);
    reader = service.platform.bus.consume({
      group: 'test-agreement-reader',
      topics: [topicOf(SubscriptionPublishedV1)],
      handle: async (message) => {
        received.push(JSON.parse(message.value) as IntegrationEvent);
      },
    });
  }, 120_000);
  afterAll(async () => {
    await reader?.stop();
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it('on start, change and end, with the agreement’s days only', async () => {
    const carla = `Bearer ${await issuer.mintToken('coordinator-carla')}`;
    const base = `/agencies/${DEMO_AGENCY_ID}/billing/subscriptions/${org}`;
    const terms = (name: string) => ({
      startsOn: '2025-01-01',
      address: { name, street: 'Geheimstraat 7', postcode: '6711 AB', city: 'Ede', country: 'NL' },
      buyerReference: 'PO-CANARY-4711',
      language: 'nl',
    });
    await request(service.url).put(base).set('Authorization', carla).send(terms('Bakkerij Canarie')).expect(204);
    await request(service.url).put(base).set('Authorization', carla).send(terms('Bakkerij Canarie B.V.')).expect(204);
    await request(service.url).post(`${base}/end`).set('Authorization', carla).send({ endsOn: '2026-06-30' }).expect(204);
    await eventually(() => expect(received).toHaveLength(3));
    expect(received.map((e) => e.payload)).toEqual([
      { agencyId: DEMO_AGENCY_ID, organisationId: org, version: 1, startsOn: '2025-01-01', changedAt: expect.any(String) },
      { agencyId: DEMO_AGENCY_ID, organisationId: org, version: 2, startsOn: '2025-01-01', changedAt: expect.any(String) },
      {
        agencyId: DEMO_AGENCY_ID,
        organisationId: org,
        version: 3,
        startsOn: '2025-01-01',
        endsOn: '2026-06-30',
        changedAt: expect.any(String),
      },
    ]);
    expect(received.every((e) => e.key === org)).toBe(true);
    for (const canary of ['Canarie', 'Geheimstraat', 'PO-CANARY']) expect(JSON.stringify(received)).not.toContain(canary);
  });
});
