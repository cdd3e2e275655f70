import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadServiceConfig, SERVICE_VARIABLES, type VariableSpec } from '@vertrouwd/config';
import { readServiceManifests, SHARED_DATABASES } from './service-manifests';
import { readWebManifests, urlVariableOf } from './web-services';

// docker-compose.yml cannot run on the build machines (no container engine); this keeps it honest against
// the code: every application service's variables, ports and dependencies, checked against the schema the
// services read (libs/platform/config) and against the service's manifest (services/<name>/service.manifest.json).
const ROOT = join(__dirname, '../..');
const manifests = new Map(readServiceManifests().map((m) => [m.name, m]));
const webManifests = new Map(readWebManifests().map((m) => [m.name, m]));

interface ComposeService {
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, unknown> | string[];
  volumes?: string[];
  read_only?: boolean;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const built = (dockerfile: string) =>
  Object.entries(compose.services).filter(([, s]) => s.build?.args?.SERVICE && s.build.dockerfile === dockerfile);
const appServices = built('deploy/Dockerfile');
const webServices = built('deploy/web.Dockerfile');
const dependencies = (s: ComposeService) => (Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {}));

describe('docker-compose.yml', () => {
  it('runs every service that has a manifest (the services npm start runs), built by the one Dockerfile from its own folder', () => {
    expect(Object.values(compose.services).filter((s) => s.build && !s.build.args?.SERVICE)).toEqual([]);
    expect([...appServices, ...webServices]).toHaveLength(Object.values(compose.services).filter((s) => s.build).length);
    expect(appServices.map(([name]) => name).sort()).toEqual([...manifests.keys()].sort());
    for (const [name, service] of appServices) {
      expect(service.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile', args: { SERVICE: name } });
      expect(existsSync(join(ROOT, 'services', name, 'src/main.ts'))).toBe(true);
    }
    expect(existsSync(join(ROOT, 'deploy/Dockerfile'))).toBe(true);
  });

  it.each(appServices)('configures %s only with variables the code reads, each valid', (_name, service) => {
    const env = service.environment ?? {};
    expect(Object.keys(env).filter((key) => !(key in SERVICE_VARIABLES))).toEqual([]);
    expect(() => loadServiceConfig(env)).not.toThrow();
    expect(env.DATABASE_URL).toBeDefined();
    expect(env.HOST).toBe('0.0.0.0');
  });

  it.each(appServices)('gives %s the port, database and variables its manifest names', (name, service) => {
    const manifest = manifests.get(name)!;
    const env = service.environment ?? {};
    expect(env.PORT).toBe(String(manifest.port));
    expect(new URL(env.DATABASE_URL).pathname.slice(1)).toBe(manifest.database);
    expect(Object.keys(env).filter((key) => !manifest.environment.includes(key))).toEqual([]);
  });

  it.each(appServices)('publishes the port %s listens on', (_name, service) => {
    const port = service.environment?.PORT;
    expect(service.ports).toEqual([`${port}:${port}`]);
  });

  it.each(appServices)('makes %s wait for everything its variables point at', (_name, service) => {
    const needed = Object.entries(service.environment ?? {}).flatMap(([key, value]) => {
      const spec = SERVICE_VARIABLES[key as keyof typeof SERVICE_VARIABLES] as VariableSpec;
      const target = spec.needs?.(value);
      return target ? [target] : [];
    });
    expect(dependencies(service).sort()).toEqual(expect.arrayContaining([...new Set(needed)]));
    for (const dependency of dependencies(service)) expect(compose.services[dependency]).toBeDefined();
  });

  it("creates in PostgreSQL exactly the manifests' databases (the web services' too), the bus's and the key vault's", () => {
    const init = readFileSync(join(ROOT, 'deploy/postgres/init/01-databases.sql'), 'utf8');
    const created = [...init.matchAll(/^create database (\w+);$/gm)].map((m) => m[1]);
    const expected = [
      ...[...manifests.values()].map((m) => m.database),
      ...[...webManifests.values()].map((m) => m.database),
      ...Object.values(SHARED_DATABASES),
    ];
    expect(created.sort()).toEqual(expected.sort());
    for (const [, service] of [...appServices, ...webServices]) {
      const database = new URL(service.environment!.DATABASE_URL).pathname.slice(1);
      expect(created).toContain(database);
    }
    expect(compose.services.postgres.volumes).toContain('./deploy/postgres/init:/docker-entrypoint-initdb.d:ro');
  });

  it('mounts the Keycloak realm export and the collector configuration that exist', () => {
    expect(existsSync(join(ROOT, 'deploy/keycloak/realm-export.json'))).toBe(true);
    expect(existsSync(join(ROOT, 'deploy/otel/collector.yaml'))).toBe(true);
  });

  it('gives Keycloak every variable the realm export takes at import (the identity-admin client secret)', () => {
    const realm = readFileSync(join(ROOT, 'deploy/keycloak/realm-export.json'), 'utf8');
    const placeholders = [...new Set([...realm.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]))];
    expect(placeholders).toContain('IDENTITY_ADMIN_CLIENT_SECRET');
    const keycloak = compose.services.keycloak.environment ?? {};
    expect(placeholders.filter((name) => !keycloak[name])).toEqual([]);
    // A service that manages accounts, or a web service that signs staff in, uses the secret Keycloak was given.
    for (const [, service] of [...appServices, ...webServices]) {
      for (const name of placeholders.filter((p) => p.endsWith('_SECRET'))) {
        const secret = service.environment?.[name];
        if (secret) expect(secret).toBe(keycloak[name]);
      }
    }
  });
});

// The web services (services/<name>/web.manifest.json, ADR 0050): their own image, read by Node as `npm start` runs them.
describe('docker-compose.yml: the web services', () => {
  const apiPort = (name: string) => manifests.get(name)?.port;

  it('runs every web service that has a web manifest, built by deploy/web.Dockerfile from its own folder', () => {
    expect(webServices.map(([name]) => name).sort()).toEqual([...webManifests.keys()].sort());
    for (const [name, service] of webServices) {
      expect(service.build).toEqual({ context: '.', dockerfile: 'deploy/web.Dockerfile', args: { SERVICE: name } });
      expect(existsSync(join(ROOT, 'services', name, 'server/main.ts'))).toBe(true);
      // The image writes nothing: the container runs with a read-only root, as in the cluster.
      expect(service.read_only).toBe(true);
    }
    expect(existsSync(join(ROOT, 'deploy/web.Dockerfile'))).toBe(true);
  });

  it.each(webServices)('gives %s exactly the variables its manifest names: port, its database, a session secret', (name, service) => {
    const manifest = webManifests.get(name)!;
    const env = service.environment ?? {};
    expect(Object.keys(env).sort()).toEqual([...manifest.environment].sort());
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.PORT).toBe(String(manifest.port));
    expect(service.ports).toEqual([`${manifest.port}:${manifest.port}`]);
    const database = new URL(env.DATABASE_URL);
    expect([database.hostname, database.pathname.slice(1)]).toEqual(['postgres', manifest.database]);
    // The session store refuses a secret under 32 characters (docs/platform/web-session.md).
    if ('SESSION_SECRET' in env) expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it.each(webServices)("points %s at each service it calls, on that service's port, and waits for it and PostgreSQL", (name, service) => {
    const manifest = webManifests.get(name)!;
    const env = service.environment ?? {};
    for (const called of manifest.calls) {
      expect(compose.services[called]).toBeDefined();
      expect(env[urlVariableOf(called)]).toBe(`http://${called}:${apiPort(called)}`);
    }
    expect(dependencies(service).sort()).toEqual(['postgres', ...manifest.calls].sort());
  });

  it.each(webServices)('checks that %s is ready with its own readiness route, without curl', (_name, service) => {
    expect(service.healthcheck?.test.join(' ')).toContain("'/health/ready'");
    expect(service.healthcheck?.test[1]).toBe('node');
  });
});
