import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadServiceConfig, SERVICE_VARIABLES, type VariableSpec } from '@vertrouwd/config';
import { SERVICES } from './service-processes';

// docker-compose.yml cannot run on the build machines (no container engine); this keeps it honest against
// the code: every application service's variables, ports and dependencies, checked against the schema the
// services read (libs/platform/config).
const ROOT = join(__dirname, '../..');

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
  it('runs every service npm start runs, built by the one Dockerfile from its own folder', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(SERVICES.map((s) => s.name).sort());
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

  it('creates every service database in PostgreSQL that the services are given', () => {
    const init = readFileSync(join(ROOT, 'deploy/postgres/init/01-databases.sql'), 'utf8');
    for (const [, service] of appServices) {
      const database = new URL(service.environment!.DATABASE_URL).pathname.slice(1);
      expect(init).toContain(`create database ${database};`);
    }
    expect(compose.services.postgres.volumes).toContain('./deploy/postgres/init:/docker-entrypoint-initdb.d:ro');
  });

  it('mounts the Keycloak realm export and the collector configuration that exist', () => {
    expect(existsSync(join(ROOT, 'deploy/keycloak/realm-export.json'))).toBe(true);
    expect(existsSync(join(ROOT, 'deploy/otel/collector.yaml'))).toBe(true);
  });
});
