import { join } from 'node:path';
import { checkBoundaries, importsOf, readWorkspace, type Project, type SourceFile } from './boundaries';

const ROOT = join(__dirname, '../..');

describe('architecture boundaries', () => {
  it('holds for the whole workspace: tag constraints, no service imports another, layers inside services', () => {
    const { projects, files } = readWorkspace(ROOT);
    expect(projects.map((p) => p.name)).toEqual(expect.arrayContaining(['@vertrouwd/event-sourcing', '@vertrouwd/testing']));
    expect(projects.filter((p) => !p.tags.some((t) => t.startsWith('type:'))).map((p) => p.name)).toEqual([]);
    expect(checkBoundaries(projects, files)).toEqual([]);
  });

  describe('the checker itself', () => {
    const at = (root: string, name: string, tag: string): Project => ({ name, root: `/ws/${root}`, tags: [tag] });
    const caseSvc = at('services/case', '@vertrouwd/case', 'type:service');
    const intake = at('services/intake', '@vertrouwd/intake', 'type:service');
    const contracts = at('libs/contracts', '@vertrouwd/contracts', 'type:contracts');
    const platform = at('libs/platform/event-sourcing', '@vertrouwd/event-sourcing', 'type:platform');
    const projects = [caseSvc, intake, contracts, platform];
    const file = (project: Project, path: string, imports: string[]): SourceFile => ({ project, path: `${project.root}/${path}`, imports });
    const rules = (files: SourceFile[]) => checkBoundaries(projects, files).map((v) => v.rule);

    it('lets a service use contracts and platform, and its domain use the aggregate base', () => {
      expect(rules([file(caseSvc, 'src/domain/case/case.aggregate.ts', ['@vertrouwd/event-sourcing', './case.events'])])).toEqual([]);
      expect(rules([file(caseSvc, 'src/application/x/x.handler.ts', ['@vertrouwd/contracts', '@nestjs/cqrs'])])).toEqual([]);
    });

    it('refuses a service importing another service, by package or by relative path', () => {
      expect(rules([file(caseSvc, 'src/a.ts', ['@vertrouwd/intake'])])).toEqual(['a service never imports another service']);
      expect(rules([file(caseSvc, 'src/a.ts', ['../../intake/src/b'])])).toEqual(['a service never imports another service']);
    });

    it('refuses contracts depending on anything, and platform depending on a service', () => {
      expect(rules([file(contracts, 'src/a.ts', ['@vertrouwd/event-sourcing'])])).toEqual([
        'type:contracts may not depend on type:platform',
      ]);
      expect(rules([file(platform, 'src/a.ts', ['@vertrouwd/case'])])).toEqual(['type:platform may not depend on type:service']);
    });

    it('refuses frameworks and I/O in domain code, and the API layer in application code', () => {
      expect(rules([file(caseSvc, 'src/domain/case/case.aggregate.ts', ['@nestjs/common', 'typeorm', 'node:fs', 'pg'])])).toEqual(
        Array(4).fill('domain code imports no framework and no I/O'),
      );
      expect(rules([file(caseSvc, 'src/domain/case/case.aggregate.ts', ['../../infrastructure/repo'])])).toEqual([
        'domain code imports only domain code',
      ]);
      expect(rules([file(caseSvc, 'src/application/a/a.handler.ts', ['../../api/http/cases.http.controller'])])).toEqual([
        'application code does not import the API layer',
      ]);
    });

    it('finds every kind of import statement, and not those in comments', () => {
      const source = `import a from 'a';\nimport { b } from "b";\nexport * from './c';\nimport 'd';\nconst e = require('e');\nconst f = await import('f');\n// import g from 'g';\n/* import h from 'h'; */`;
      expect(importsOf(source)).toEqual(['a', 'b', './c', 'd', 'e', 'f']);
    });
  });
});
