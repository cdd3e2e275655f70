import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@vertrouwd/contracts';
import { ALL_CONTRACTS, topicOf, type ContractDefinition } from '@vertrouwd/contracts';
import { SERVICE_VARIABLES } from '@vertrouwd/config';
import type { ServiceDefinition } from '@vertrouwd/runtime';
import { MANIFEST_FILE, parseManifest, readServiceManifests } from './service-manifests';

// The manifests are what the launcher and the compose and database checks trust, so they are checked in turn:
// against the folders, the configuration schema, the contract registry, and the services' own code.
const ROOT = join(__dirname, '../..');
const manifests = readServiceManifests();
const byName = manifests.map((m) => [m.name, m] as const);
const registered = new Set(ALL_CONTRACTS.map(topicOf));

describe('service manifests', () => {
  it('exist for every service folder, one service each, on its own port and database', () => {
    // Every NestJS service (src/main.ts); the web services (server/main.ts) have a web.manifest.json of their own
    // (deploy/src/web-services.ts, ADR 0050).
    const folders = readdirSync(join(ROOT, 'services'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'services', entry.name, 'src/main.ts')))
      .map((entry) => entry.name);
    expect(manifests.map((m) => m.name).sort()).toEqual(folders.sort());
    expect(manifests.length).toBeGreaterThan(0);
    for (const field of ['port', 'database'] as const) expect(new Set(manifests.map((m) => m[field])).size).toBe(manifests.length);
  });

  it.each(byName)('%s names only variables of the configuration schema, its database and port among them', (_name, manifest) => {
    expect(manifest.environment.filter((name) => !(name in SERVICE_VARIABLES))).toEqual([]);
    expect(manifest.environment).toEqual(expect.arrayContaining(['DATABASE_URL', 'PORT']));
  });

  it.each(byName)('%s is the name its service definition runs under (logs, traces, consumer groups)', (name) => {
    const module = jest.requireActual<Record<string, unknown>>(join(ROOT, 'services', name, 'src/service'));
    const definitions = Object.values(module).filter(
      (value): value is ServiceDefinition => typeof value === 'object' && value !== null && 'module' in value,
    );
    expect(definitions.map((d) => d.name)).toContain(name);
  });

  it.each(byName)('%s publishes and consumes only registered contracts, and publishes only its own', (name, manifest) => {
    expect([...manifest.publishes, ...manifest.consumes].filter((topic) => !registered.has(topic))).toEqual([]);
    expect(manifest.publishes.filter((topic) => !topic.startsWith(`${name}.`))).toEqual([]);
    expect(manifest.consumes.filter((topic) => topic.startsWith(`${name}.`))).toEqual([]);
  });

  it('has a publisher for every topic a service consumes', () => {
    const published = new Set(manifests.flatMap((m) => m.publishes));
    const orphans = manifests.flatMap((m) => m.consumes.filter((topic) => !published.has(topic)).map((topic) => `${m.name}: ${topic}`));
    expect(orphans).toEqual([]);
  });

  // A contract a service's code names is one it publishes (topics are `<service>.<event>`, named after their
  // producer) or one it consumes (any other): the manifest lists exactly those, so it cannot drift from the code.
  it.each(byName)('%s lists exactly the contracts its code names', (name, manifest) => {
    const named = new Set(
      sourcesOf(join(ROOT, 'services', name, 'src'))
        .flatMap(contractsNamedIn)
        .map(topicOf),
    );
    const own = [...named].filter((topic) => topic.startsWith(`${name}.`));
    expect([...manifest.publishes].sort()).toEqual(own.sort());
    expect([...manifest.consumes].sort()).toEqual([...named].filter((topic) => !own.includes(topic)).sort());
  });

  it('refuses a manifest that is not the shape the launcher needs, naming each problem', () => {
    const broken = JSON.stringify({ name: 'other', description: '', port: 80, database: 'intake', environment: 'PORT', consume: [] });
    expect(() => parseManifest('intake', broken)).toThrow(
      `services/intake/${MANIFEST_FILE}: unknown fields consume; name must be the folder's name, intake; description must be a text; ` +
        'port must be 1025..65535; database must be vertrouwd_<name>; environment must be a list of names; ' +
        'publishes must be a list of names; consumes must be a list of names',
    );
  });
});

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return entry.name.endsWith('.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The contract definitions a source file names (`ReportSubmittedV1` and the like, as libs/contracts exports them). */
function contractsNamedIn(file: string): ContractDefinition[] {
  const exported = contracts as unknown as Record<string, unknown>;
  const identifiers = new Set(readFileSync(file, 'utf8').match(/\b[A-Z]\w*V\d+\b/g) ?? []);
  return [...identifiers].map((id) => exported[id]).filter((value): value is ContractDefinition => ALL_CONTRACTS.includes(value as never));
}
