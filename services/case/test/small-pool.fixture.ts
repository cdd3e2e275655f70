import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DevIssuer } from '@vertrouwd/auth';
import { startService, type RunningService } from '@vertrouwd/runtime';
import type { TestDatabase } from '@vertrouwd/testing';
import { caseService } from '../src/service';
import { publishDemoCounsellors } from './directory.fixture';

/**
 * The case service on the pools `npm start` gives each service (four connections to its own database), mailing through
 * `smtpUrl`, with the demo counsellors published: where work that holds connections shows whether it can hang.
 */
export async function startCaseOnSmallPool(db: TestDatabase, issuer: DevIssuer, smtpUrl: string): Promise<RunningService> {
  const service = await startService(
    caseService,
    {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'case-small-pool-')),
      SMTP_URL: smtpUrl,
      PORT: '0',
    },
    { poolSizes: { database: 4, eventStore: 2, bus: 2 } },
  );
  await publishDemoCounsellors(service);
  return service;
}
