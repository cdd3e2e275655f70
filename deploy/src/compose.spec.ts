import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadServiceConfig, SERVICE_VARIABLES, type VariableSpec } from '@vertrouwd/config';
import { readServiceManifests, SHARED_DATABASES } from './service-manifests';

// docker-compose.yml cannot run on the build machines (no container engine); this keeps it honest against
// the code: every application service's variables, ports and dependencies, checked against the schema the
// services read (libs/platform/config) and against the service's manifest (services/<name>/service.manifest.json).
const ROOT = join(__dirname, '../..');
const manifests = new Map(readServiceManifests().map((m) => [m.name, m]));

interface ComposeService {
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, unknown> | string[];
  volumes?: string[];
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const appServices = Object.entries(compose.services).filter(([, s]) => s.build?.args?.SERVICE);
const dependencies = (s: ComposeService) => (Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {}));

describe('docker-compose.yml', () => {
  it('runs every service that has a manifest (the services npm start runs), built by the one Dockerfile from its own folder', () => {
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

  it("creates in PostgreSQL exactly the manifests' databases, the bus's and the key vault's", () => {
    const init = readFileSync(join(ROOT, 'deploy/postgres/init/01-databases.sql'), 'utf8');
    const created = [...init.matchAll(/^create database (\w+);$/gm)].map((m) => m[1]);
    const expected = [...[...manifests.values()].map((m) => m.database), ...Object.values(SHARED_DATABASES)];
    expect(created.sort()).toEqual(expected.sort());
    for (const [, service] of appServices) {
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
    // A service that manages accounts uses the secret Keycloak was given.
    for (const [, service] of appServices) {
      const secret = service.environment?.IDENTITY_ADMIN_CLIENT_SECRET;
      if (secret) expect(secret).toBe(keycloak.IDENTITY_ADMIN_CLIENT_SECRET);
    }
  });
});
