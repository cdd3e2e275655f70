import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALLOWED_TYPES, boundaryConfiguration } from './boundary-rules.cjs';

interface Violation {
  rule: string;
  from: string;
  to: string;
  via: string[];
}

interface Cruise {
  modules: number;
  dependencies: number;
  violations: Violation[];
}

const ROOT = join(__dirname, '../..');
const FIXTURE = join(__dirname, 'fixtures/workspace');

/** Runs dependency-cruiser over a workspace (cruise.mjs: dependency-cruiser is ES modules only, Jest is CommonJS). */
function cruise(root: string): Cruise {
  const run = spawnSync(process.execPath, [join(__dirname, 'cruise.mjs'), '--json', '--root', root], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`cruise.mjs failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Cruise;
}

/** One line per violation: rule, from, to, and the chain in between when there is one. */
const described = (violations: Violation[]): string[] =>
  violations.map(({ rule, from, to, via }) => `${rule}: ${from} → ${to}${via.length > 1 ? ` (via ${via.join(' → ')})` : ''}`);

describe('architecture boundaries (.dependency-cruiser.cjs)', () => {
  it('hold for the whole repository: tags, layers, domain free of frameworks and I/O, no cycles, all imports resolve', () => {
    const { modules, violations } = cruise(ROOT);
    expect(modules).toBeGreaterThan(300);
    expect(described(violations)).toEqual([]);
  });

  it('have a tag rule for every project type in the repository (a project without a type tag fails the config)', () => {
    const rules = boundaryConfiguration(ROOT).forbidden?.map((rule) => rule.name);
    const expected = ['tags-contracts', 'tags-platform', 'tags-testing', 'tags-service', 'tags-tooling', 'tags-bench', 'tags-deploy'];
    expect(rules).toEqual(expect.arrayContaining([...expected, 'no-service-to-service']));
    expect(
      Object.keys(ALLOWED_TYPES)
        .map((type) => `tags-${type.slice('type:'.length)}`)
        .sort(),
    ).toEqual(expected.sort());
  });

  it('refuse a workspace project without a type tag', () => {
    const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
    try {
      writeFileSync(join(root, 'package.json'), JSON.stringify({ workspaces: ['libs/*'] }));
      mkdirSync(join(root, 'libs/untagged'), { recursive: true });
      writeFileSync(join(root, 'libs/untagged/package.json'), JSON.stringify({ name: 'untagged', nx: { tags: ['scope:x'] } }));
      expect(() => boundaryConfiguration(root)).toThrow('libs/untagged/package.json: nx.tags needs one of type:service');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  describe('planted violations (fixtures/workspace: every planted-*.ts breaks one rule, everything else is clean)', () => {
    let planted: Violation[];
    beforeAll(() => {
      planted = cruise(FIXTURE).violations;
    });
    const from = (file: string) => planted.filter((v) => v.from === file).map(({ rule, to }) => ({ rule, to }));

    it('only the planted files break rules', () => {
      expect(planted.filter((v) => !/(^|\/)planted-[^/]+\.ts$/.test(v.from))).toEqual([]);
    });

    it('a domain file importing @nestjs/common: domain-no-framework-or-io', () => {
      expect(from('services/alpha/src/domain/planted-nest.ts')).toEqual([
        { rule: 'domain-no-framework-or-io', to: expect.stringMatching(/(^|\/)node_modules\/@nestjs\/common\//) },
      ]);
    });

    it('a domain file importing a library whose index re-exports an adapter importing pg: reached through the index', () => {
      const violations = planted.filter((v) => v.from === 'services/alpha/src/domain/planted-store-index.ts');
      expect(violations.map((v) => v.rule).sort()).toEqual(['domain-no-framework-or-io', 'domain-only-domain-libraries']);
      const reach = violations.find((v) => v.rule === 'domain-no-framework-or-io');
      expect(reach?.to).toMatch(/(^|\/)node_modules\/pg\//);
      expect(reach?.via).toEqual([
        'libs/platform/store/src/index.ts',
        'libs/platform/store/src/pg-store.ts',
        expect.stringMatching(/(^|\/)node_modules\/pg\//),
      ]);
    });

    it('a value import of contracts in domain code: domain-contracts-type-only (a type-only import is fine)', () => {
      expect(from('services/alpha/src/domain/planted-contracts-value.ts')).toEqual([
        { rule: 'domain-contracts-type-only', to: 'libs/contracts/src/index.ts' },
      ]);
      expect(from('services/alpha/src/domain/widget.ts')).toEqual([]);
    });

    it('domain code importing application code: domain-only-domain-code', () => {
      expect(from('services/alpha/src/domain/planted-application.ts')).toEqual([
        { rule: 'domain-only-domain-code', to: 'services/alpha/src/application/make-widget.ts' },
      ]);
    });

    it('an application file importing infrastructure, or the API layer; the API layer importing infrastructure', () => {
      expect(from('services/alpha/src/application/planted-infrastructure.ts')).toEqual([
        { rule: 'application-not-infrastructure', to: 'services/alpha/src/infrastructure/pg-widget-store.ts' },
      ]);
      expect(from('services/alpha/src/application/planted-api.ts')).toEqual([
        { rule: 'application-not-api', to: 'services/alpha/src/api/widgets.controller.ts' },
      ]);
      expect(from('services/alpha/src/api/planted-infrastructure.ts')).toEqual([
        { rule: 'api-not-infrastructure', to: 'services/alpha/src/infrastructure/pg-widget-store.ts' },
      ]);
    });

    it('a cycle: no-circular (reported from one module of the cycle or each, the chain closing on itself)', () => {
      const cycle = planted.filter((v) => v.from.startsWith('libs/platform/store/src/planted-cycle-'));
      expect(cycle.length).toBeGreaterThan(0);
      for (const { rule, from, to, via } of cycle) {
        expect({ rule, to, closes: via.at(-1) }).toEqual({
          rule: 'no-circular',
          to: expect.stringMatching(/planted-cycle-[ab]\.ts$/),
          closes: from,
        });
      }
    });

    it('a service importing another service, by relative path or by package: no-service-to-service', () => {
      expect(from('services/alpha/src/application/planted-other-service.ts')).toEqual(
        expect.arrayContaining([
          { rule: 'no-service-to-service', to: 'services/beta/src/domain/gadget.ts' },
          { rule: 'no-service-to-service', to: 'services/beta/src/index.ts' },
        ]),
      );
      expect(from('services/alpha/src/application/planted-other-service.ts')).toHaveLength(2);
    });

    it('contracts importing a platform library: tags-contracts', () => {
      expect(from('libs/contracts/src/planted-contracts-to-platform.ts')).toEqual([
        { rule: 'tags-contracts', to: 'libs/platform/domain/src/index.ts' },
      ]);
    });

    it('an import that resolves to nothing: not-to-unresolvable', () => {
      expect(from('services/alpha/src/planted-unresolvable.ts')).toEqual([{ rule: 'not-to-unresolvable', to: './no-such-module' }]);
    });
  });
});
