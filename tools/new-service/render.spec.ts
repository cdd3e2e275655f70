import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { namesOf, render } from './render';

const TEMPLATE = join(__dirname, 'template');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? files(join(dir, entry)) : [join(dir, entry)]));

describe('new:service template', () => {
  const names = namesOf('demo-check', 3003, 1765000000000);

  it('spells a kebab-case name every way the template needs', () => {
    expect(names).toMatchObject({ Pascal: 'DemoCheck', camel: 'demoCheck', snake: 'demo_check', title: 'Demo check' });
    expect(render('__PASCAL___READ_MODEL vertrouwd___snake__ __snake___overview Sql__Pascal__ReadModel', names)).toBe(
      'DEMO_CHECK_READ_MODEL vertrouwd_demo_check demo_check_overview SqlDemoCheckReadModel',
    );
  });

  it('refuses a name that is not kebab-case', () => {
    for (const bad of ['DemoCheck', 'demo_check', '-demo', 'demo--check', '3demo', '']) expect(() => namesOf(bad, 1, 1)).toThrow();
  });

  it('leaves no placeholder in any file name or file of the template', () => {
    for (const file of files(TEMPLATE)) {
      expect(render(file, names)).not.toMatch(/__[A-Za-z_]+__/);
      expect(render(readFileSync(file, 'utf8'), names)).not.toMatch(
        /__(kebab|Pascal|PASCAL|camel|snake|TITLE|TITLE_LOWER|PORT|TIMESTAMP)__/,
      );
    }
  });

  it('has what every service has: a manifest, a module, an aggregate test and an e2e test', () => {
    const rendered = files(TEMPLATE).map((file) => render(file.slice(TEMPLATE.length + 1).replace(/\.tmpl$/, ''), names));
    expect(rendered).toEqual(
      expect.arrayContaining([
        'service.manifest.json',
        'package.json',
        'src/main.ts',
        'src/demo-check.module.ts',
        'src/domain/demo-check/demo-check.aggregate.spec.ts',
        'test/demo-check.e2e-spec.ts',
        'src/infrastructure/migrations/1765000000000-demo-check-read-models.ts',
      ]),
    );
    const manifest = JSON.parse(render(readFileSync(join(TEMPLATE, 'service.manifest.json.tmpl'), 'utf8'), names)) as object;
    expect(manifest).toMatchObject({ name: 'demo-check', port: 3003, database: 'vertrouwd_demo_check', publishes: [], consumes: [] });
  });
});
