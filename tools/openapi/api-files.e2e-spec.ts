import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { describeService, startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { canonical, SERVICES } from './api-files';

// The committed documents come from Nest's preview mode, which constructs nothing: they must be what a running
// service serves, or the web services' types describe another API.
describe('a service described without its platform', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('openapi_described');
    service = await startService(
      { ...SERVICES.intake, logger: false },
      {
        DATABASE_URL: db.url,
        OIDC_ISSUER: issuer.issuer,
        REPORTER_TOKEN_SECRET: 'e2e-reporter-token-secret-of-32-chars-or-more',
        VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'openapi-described-')),
        PORT: '0',
      },
    );
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it('is the document the started service serves at /openapi.json', async () => {
    const served = await request(service.url).get('/openapi.json').expect(200);
    expect(canonical(await describeService(SERVICES.intake))).toEqual(canonical(served.body));
  });
});
