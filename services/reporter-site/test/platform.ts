import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { startService, type RunningService, type ServiceDefinition } from '@vertrouwd/runtime';
import { createLogger, NestPinoLogger } from '@vertrouwd/telemetry';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { INTAKE_PROXY_SECRET } from './reporter-site';

const ROOT = join(__dirname, '../../..');

/**
 * The platform the site talks to, for real: intake and case each with its own database, the Postgres bus and the
 * key vault they share, the dev issuer for staff tokens, and matching's directory published on the bus (the demo
 * agency's organisations with Anna and Bram). The services are started as the launcher starts them, found by
 * their path at run time (deploy/src/service-processes.ts): the site's code imports no other service.
 */
export interface Platform {
  intake: RunningService;
  cases: RunningService;
  issuer: DevIssuer;
  /** The site's own database, for its sessions. */
  siteDatabase: TestDatabase;
  /** Everything intake and case logged. */
  logLines: string[];
  stop(): Promise<void>;
}

function serviceDefinition(name: string): ServiceDefinition {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- found by path at run time, as the launcher finds services
  const exports = require(join(ROOT, 'services', name, 'src', 'service.ts')) as Record<string, unknown>;
  const definition = Object.values(exports).find(
    (value): value is ServiceDefinition => typeof value === 'object' && value !== null && (value as ServiceDefinition).name === name,
  );
  if (!definition) throw new Error(`services/${name}/src/service.ts exports no service definition`);
  return definition;
}

export async function startPlatform(): Promise<Platform> {
  const issuer = await startDevIssuer({ port: 0 });
  const [intakeDb, caseDb, bus, vault, siteDatabase] = await Promise.all(
    ['site_intake', 'site_case', 'site_bus', 'site_vault', 'site_sessions'].map((label) => createTestDatabase(label)),
  );
  const logLines: string[] = [];
  const capture = new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString()), done()) });
  const logger = (name: string) => new NestPinoLogger(createLogger({ serviceName: name, level: 'info', destination: capture }));
  const common = {
    OIDC_ISSUER: issuer.issuer,
    BUS_DATABASE_URL: bus.url,
    PRIVACY_DATABASE_URL: vault.url,
    PORT: '0',
    REPORTER_TOKEN_SECRET: 'reporter-site-e2e-secret-of-at-least-32-chars',
    // The site forwards each reporter's address with it (test/reporter-site.ts gives the site the same).
    INTAKE_PROXY_SECRET,
    VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'reporter-site-e2e-')),
  };
  const intake = await startService(
    { ...serviceDefinition('intake'), logger: logger('intake') },
    { ...common, DATABASE_URL: intakeDb.url },
  );
  const cases = await startService({ ...serviceDefinition('case'), logger: logger('case') }, { ...common, DATABASE_URL: caseDb.url });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the cross-service tests' directory, as matching publishes it
  const { publishDemoDirectory } = require(join(ROOT, 'deploy/test/directory.fixture.ts')) as {
    publishDemoDirectory(intake: RunningService, cases?: RunningService): Promise<void>;
  };
  await publishDemoDirectory(intake, cases);
  return {
    intake,
    cases,
    issuer,
    siteDatabase,
    logLines,
    async stop() {
      await intake.close();
      await cases.close();
      await issuer.stop();
      await Promise.all([intakeDb, caseDb, bus, vault, siteDatabase].map((db) => db.drop()));
    },
  };
}

/** A call to case's API as a member of staff (a dev-issuer token for the demo user). */
export async function asStaff(
  platform: Platform,
  user: string,
  method: 'GET' | 'POST',
  path: string,
  body?: object,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${platform.cases.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await platform.issuer.mintToken(user)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
