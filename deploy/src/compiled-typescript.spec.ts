import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// `npm start` runs TypeScript compiled ahead of time (deploy/bin/compiled-typescript.js, ADR 0039): a changed file
// must run its new code, never a stale cache entry, and Nest's decorators must keep their metadata.
const HOOK = join(__dirname, '..', 'bin', 'compiled-typescript.js');
const ROOT = join(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the hook is plain JavaScript, loaded as the launcher loads it
const compiled = require(HOOK) as { sourceFiles(): string[] };

/** Runs `file` in a fresh Node process through the hook and returns what it printed. */
function runThroughHook(file: string): string {
  const script = `require(${JSON.stringify(HOOK)}).register(); console.log(JSON.stringify(require(${JSON.stringify(file)}).result));`;
  return execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).trim();
}

describe('TypeScript compiled ahead of time for npm start', () => {
  // Inside the clone (tmp/ is ignored), where the file's imports resolve as the platform's do.
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'tmp', 'compiled-typescript-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs decorated TypeScript with its design-time metadata, and a changed file runs its new code', () => {
    const file = join(dir, 'decorated.ts');
    const source = (greeting: string) => `
      import 'reflect-metadata';
      const Injectable = (): ClassDecorator => () => undefined;
      class Clock { now(): number { return 0; } }
      @Injectable()
      class Greeter {
        constructor(readonly clock: Clock) {}
        greet(name: string): string { return \`${greeting}, \${name}\`; }
      }
      const types = (Reflect.getMetadata('design:paramtypes', Greeter) as Function[]).map((t) => t.name);
      export const result = { greeting: new Greeter(new Clock()).greet('Anna'), types };
    `;
    writeFileSync(file, source('Hallo'));
    expect(JSON.parse(runThroughHook(file))).toEqual({ greeting: 'Hallo, Anna', types: ['Clock'] });
    writeFileSync(file, source('Dag'));
    expect(JSON.parse(runThroughHook(file))).toEqual({ greeting: 'Dag, Anna', types: ['Clock'] });
  });

  it('compiles every service and library source the platform runs, and no test', () => {
    const files = compiled.sourceFiles().map((file) => relative(ROOT, file));
    expect(files).toEqual(
      expect.arrayContaining([
        'deploy/src/start.ts',
        'services/intake/src/main.ts',
        'services/billing/src/infrastructure/documents/render-worker.ts',
        'libs/platform/runtime/src/start-service.ts',
      ]),
    );
    expect(files.filter((file) => /spec\.ts$|\/test\//.test(file))).toEqual([]);
  });
});
