import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { SERVICES, startServices, stopAllServices, type ServiceProcess } from './service-processes';

// `npm start` runs every service in its own process (ADR 0039): each must still be a service of its own, on its own
// port and database, logging to its own file, and all must stop on the way out.
describe('every service of npm start in one process', () => {
  let issuer: DevIssuer;
  let databases: TestDatabase[];
  let shared: TestDatabase[];
  let running: ServiceProcess[];
  const dataDir = mkdtempSync(join(tmpdir(), 'service-host-'));
  const logDir = join(dataDir, 'logs');

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0, usersFile: join(dataDir, 'users.json') });
    databases = await Promise.all(SERVICES.map((s) => createTestDatabase(`host_${s.name}`)));
    shared = await Promise.all(['bus', 'vault'].map((label) => createTestDatabase(`host_${label}`)));
    const env = {
      OIDC_ISSUER: issuer.issuer,
      BUS_DATABASE_URL: shared[0].url,
      PRIVACY_DATABASE_URL: shared[1].url,
      REPORTER_TOKEN_SECRET: 'service-host-int-spec-secret-of-32-chars-or-more',
      IDENTITY_ADMIN_CLIENT_SECRET: 'service-host-identity-admin-secret',
      IDENTITY_ADMIN_PASSWORD_EMAIL: 'off',
      VERTROUWD_DATA_DIR: dataDir,
    };
    running = await startServices(
      SERVICES.map((s, i) => ({ name: s.name, env: { DATABASE_URL: databases[i].url, PORT: '0' } })),
      env,
      logDir,
    );
  });
  afterAll(async () => {
    await stopAllServices();
    await issuer?.stop();
    await Promise.all([...(databases ?? []), ...(shared ?? [])].map((db) => db.drop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts each service on its own port, ready with its own database and the bus', async () => {
    expect(running.map((s) => s.name)).toEqual(SERVICES.map((s) => s.name));
    expect(new Set(running.map((s) => new URL(s.url).port)).size).toBe(SERVICES.length);
    for (const service of running) {
      const response = await fetch(`${service.url}/health/ready`);
      expect({ service: service.name, status: response.status }).toEqual({ service: service.name, status: 200 });
      const openApi = (await (await fetch(`${service.url}/openapi.json`)).json()) as { info: { title: string } };
      expect(openApi.info.title).toBe(`Vertrouwd ${service.name}`);
    }
    // Each migrated its own database, and only its own.
    for (const [i, service] of SERVICES.entries()) {
      const client = new Client({ connectionString: databases[i].url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from read_model_migrations`);
        expect({ service: service.name, migrated: rows[0].n > 0 }).toEqual({ service: service.name, migrated: true });
      } finally {
        await client.end();
      }
    }
  });

  it('writes each service’s log to a file of its own, and stops every service', async () => {
    // Requests to each, one refused before any route (415): their lines must land in that service's log, under its
    // name (one process hosts them all). The 200 is the test above's `/openapi.json`.
    for (const service of running) {
      expect((await fetch(`${service.url}/no-such-route`)).status).toBe(404);
      const refused = await fetch(`${service.url}/no-such-route`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
      expect(refused.status).toBe(415);
    }
    await eventually(() => {
      for (const { name } of SERVICES) {
        expect(existsSync(join(logDir, `${name}.log`))).toBe(true);
        const lines = readFileSync(join(logDir, `${name}.log`), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { service?: string; msg?: string; statusCode?: number });
        expect(lines.filter((line) => line.msg === 'request completed').map((line) => line.statusCode)).toEqual([200, 404, 415]);
        expect(lines.filter((line) => line.service !== name)).toEqual([]);
      }
    });
    await stopAllServices();
    for (const service of running) await expect(fetch(`${service.url}/health/live`)).rejects.toThrow();
  });
});
