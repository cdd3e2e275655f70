import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readServiceManifests } from './service-manifests';
import { needsBuild, parseWebManifest, readWebManifests, sourcesHash, startWebService, urlVariableOf, webProcesses } from './web-services';

// The web services `npm start` runs beside the API services: their manifests, when they are built again, and their
// processes (tried on a small stand-in server in a folder of its own, so this test never builds the real sites).
describe('web services under npm start', () => {
  it('have manifests with their own port and database, calling only services that exist', () => {
    const webs = readWebManifests();
    const apis = readServiceManifests();
    expect(webs.map((w) => w.name)).toContain('reporter-site');
    const ports = [...webs, ...apis].map((m) => m.port);
    const databases = [...webs, ...apis].map((m) => m.database);
    expect(new Set(ports).size).toBe(ports.length);
    expect(new Set(databases).size).toBe(databases.length);
    for (const web of webs) {
      expect(web.calls.filter((name) => !apis.some((api) => api.name === name))).toEqual([]);
      expect(web.environment).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'SESSION_SECRET', ...web.calls.map(urlVariableOf)]));
    }
  });

  it('refuse a broken manifest, naming every field that is wrong', () => {
    const text = JSON.stringify({
      name: 'other',
      description: '',
      port: 80,
      database: 'sessions',
      environment: 'PORT',
      calls: ['Intake!'],
      extra: 1,
    });
    expect(() => parseWebManifest('site', text)).toThrow(
      "services/site/web.manifest.json: unknown fields extra; name must be the folder's name, site; description must be a text; port must be 1025..65535; database must be vertrouwd_<name>; environment must be a list of names; calls must be a list of service names",
    );
  });

  it('run one process per core, at most two, unless WEB_PROCESSES says otherwise', () => {
    expect(webProcesses({}, 1)).toBe('1');
    expect(webProcesses({}, 2)).toBe('2');
    expect(webProcesses({}, 16)).toBe('2');
    expect(webProcesses({ WEB_PROCESSES: '4' }, 2)).toBe('4');
    for (const web of readWebManifests()) expect(web.environment).toContain('WEB_PROCESSES');
  });

  it('name the address of a service they call as its environment variable', () => {
    expect(urlVariableOf('intake')).toBe('INTAKE_URL');
    expect(urlVariableOf('reporting')).toBe('REPORTING_URL');
  });

  describe('in a folder of their own', () => {
    let root: string;
    const site = () => join(root, 'services', 'site');
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'web-services-'));
      mkdirSync(join(site(), 'server'), { recursive: true });
      mkdirSync(join(root, 'libs', 'shared'), { recursive: true });
      writeFileSync(join(root, 'package-lock.json'), '{}');
      writeFileSync(join(root, 'libs', 'shared', 'index.ts'), 'export const a = 1;\n');
      // A stand-in server: says where it listens as server/main.ts does, echoes what it was given, stops on SIGTERM.
      writeFileSync(
        join(site(), 'server', 'main.ts'),
        `import { createServer } from 'node:http';
const server = createServer((req, res) => res.end(JSON.stringify({ intake: process.env.INTAKE_URL ?? null, database: process.env.DATABASE_URL ?? null, other: process.env.NOT_GIVEN ?? null })));
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('site listening on http://127.0.0.1:' + (server.address() as { port: number }).port));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
`,
      );
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('are built again only when their sources, the shared libraries or the lockfile changed', () => {
      expect(needsBuild('site', root)).toBe(true);
      mkdirSync(join(site(), 'build'));
      writeFileSync(join(site(), 'build', '.sources.sha256'), sourcesHash('site', root));
      expect(needsBuild('site', root)).toBe(false);
      writeFileSync(join(site(), 'build', 'index.js'), 'the build itself is no source');
      writeFileSync(join(site(), 'server', 'main.spec.ts'), 'a test is no source');
      expect(needsBuild('site', root)).toBe(false);
      writeFileSync(join(root, 'libs', 'shared', 'index.ts'), 'export const a = 2;\n');
      expect(needsBuild('site', root)).toBe(true);
      writeFileSync(join(site(), 'build', '.sources.sha256'), sourcesHash('site', root));
      writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
      expect(needsBuild('site', root)).toBe(true);
    });

    it('run as a process with only the environment given, logging to its file, and stop on request', async () => {
      process.env.NOT_GIVEN = 'the launcher’s own variable';
      const logs = join(root, 'logs');
      const web = await startWebService('site', { PORT: '0', INTAKE_URL: 'http://127.0.0.1:3001' }, logs, root);
      try {
        expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const answer = (await (await fetch(web.url)).json()) as Record<string, unknown>;
        expect(answer).toEqual({ intake: 'http://127.0.0.1:3001', database: null, other: null });
      } finally {
        await web.stop();
        delete process.env.NOT_GIVEN;
      }
      await expect(fetch(web.url)).rejects.toThrow();
      expect(readFileSync(join(logs, 'site.log'), 'utf8')).toContain('site listening on');
    });

    it('report a process that stops before it listens, pointing at its log', async () => {
      writeFileSync(join(site(), 'server', 'main.ts'), "console.error('no database'); process.exit(3);\n");
      await expect(startWebService('site', { PORT: '0' }, join(root, 'logs'), root)).rejects.toThrow(
        /site stopped before it listened \(exit 3\); see .*site\.log/,
      );
    });
  });
});
