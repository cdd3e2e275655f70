import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { readWebManifests, type WebManifest } from '../web-services';
import { copyRuntime, importsOf, packageName } from './runtime-files';

// deploy/web.Dockerfile's runtime stage holds only what copyRuntime copies. No container engine runs here, so this
// does what the image does: builds each web service, copies its runtime files to a directory outside the repository
// (no node_modules to fall back on), and runs `node server/main.ts` there.
const ROOT = join(__dirname, '../../..');
const webs = readWebManifests();

describe('what a web service image holds (deploy/src/web-image/runtime-files.ts)', () => {
  it('loads what a file imports at run time, and not what it imports for its types only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imports-'));
    const file = join(dir, 'main.ts');
    writeFileSync(
      file,
      [
        "import { createServer } from 'node:http';",
        "import type { ServerBuild } from 'react-router';",
        "import { render } from 'react-dom/server';",
        "export { helper } from './helper.ts';",
        "export type { Shape } from '@types/node';",
        "const build = await import('./build/server/index.js');",
        "const pg = require('pg');",
      ].join('\n'),
    );
    expect(importsOf(file)).toEqual(['node:http', 'react-dom/server', './helper.ts', './build/server/index.js', 'pg']);
    expect(['react-dom/server', '@react-router/node', 'react'].map(packageName)).toEqual(['react-dom', '@react-router/node', 'react']);
    rmSync(dir, { recursive: true });
  });

  describe.each(webs.map((web) => [web.name, web] as const))('%s', (name, web) => {
    // A copy of the service at the same depth as services/<name> (its tsconfig extends ../../tsconfig.base.json), so
    // this build never races a test that builds the service in its own folder.
    const folder = `tmp/web-image-${process.pid}-${name}`;
    const copy = join(ROOT, folder);
    const image = mkdtempSync(join(tmpdir(), `${name}-image-`));
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase(name.replace(/-/g, '_'));
      cpSync(join(ROOT, 'services', name), copy, {
        recursive: true,
        filter: (source) => !/[/\\](build|node_modules|test|\.react-router)$/.test(source),
      });
      const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/@react-router/dev/bin.cjs'), 'build'], {
        cwd: copy,
        env: { ...process.env, NODE_ENV: 'production' },
        encoding: 'utf8',
      });
      if (build.status !== 0) throw new Error(`${name}: react-router build failed\n${build.stdout}\n${build.stderr}`);
    }, 120_000);

    afterAll(async () => {
      await database?.drop();
      rmSync(copy, { recursive: true, force: true });
      rmSync(image, { recursive: true, force: true });
    });

    it('copies the build, the server and the packages they load, and none of the API services', () => {
      const entries = copyRuntime(copy, ROOT, image);
      const paths = entries.map((e) => e.path);
      expect(paths).toContain(`${folder}/server/main.ts`);
      expect(paths).toContain(`${folder}/build/server/index.js`);
      expect(paths).toEqual(expect.arrayContaining(['node_modules/react', 'node_modules/react-dom', 'node_modules/@react-router/node']));
      // The NestJS services, their drivers, the build tools and the sources of the app are not in it.
      for (const absent of [
        'node_modules/@nestjs/core',
        'node_modules/vite',
        'node_modules/typescript',
        'node_modules/@react-router/dev',
      ]) {
        expect(paths).not.toContain(absent);
      }
      expect(paths.filter((p) => p.startsWith(`${folder}/app/`))).toEqual([]);
      expect(paths.filter((p) => p.startsWith('services/') || p.startsWith('..'))).toEqual([]);
    });

    it('is enough to serve: node server/main.ts answers its health routes and renders a page from the copy alone', async () => {
      const site = await start(join(image, folder), environmentFor(web, database.url));
      try {
        for (const path of ['/health/live', '/health/ready']) expect((await fetch(`${site.url}${path}`)).status).toBe(200);
        const page = await fetch(`${site.url}/`, { redirect: 'manual' });
        expect(page.status).toBeLessThan(500);
      } finally {
        await site.stop();
      }
    });
  });
});

/** Values of the right shape for every variable the manifest names; the services it calls are not running. */
function environmentFor(web: WebManifest, databaseUrl: string): Record<string, string> {
  const value = (variable: string) => {
    if (variable === 'PORT') return '0';
    if (variable === 'HOST') return '127.0.0.1';
    if (variable === 'WEB_PROCESSES') return '1'; // as the image runs it (ADR 0064)
    if (variable === 'DATABASE_URL') return databaseUrl;
    if (variable.endsWith('_URL') || variable === 'OIDC_ISSUER') return 'http://127.0.0.1:9';
    if (/SECRET|PASSWORD/.test(variable)) return 's'.repeat(64);
    return 'x';
  };
  return Object.fromEntries(web.environment.map((variable) => [variable, value(variable)]));
}

async function start(directory: string, env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  mkdirSync(directory, { recursive: true });
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: directory,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before it listened:\n${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
