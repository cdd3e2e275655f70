// One Jest run for the whole monorepo: one embedded PostgreSQL (global setup), a project per workspace (library,
// service, deploy, tools, bench), tests tiered by suffix (.spec unit, .int-spec against Postgres, .e2e-spec over HTTP).
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const swc = require('./tools/jest/swc.config.js');

const { compilerOptions } = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));
const { workspaces } = JSON.parse(readFileSync(`${__dirname}/package.json`, 'utf8'));

// The projects are the workspaces, found as npm finds them (a folder with a package.json), each named after its
// folder (`--selectProjects intake`): a new library or service needs no edit here.
const projects = workspaces
  .flatMap((pattern) => (pattern.endsWith('/*') ? foldersIn(pattern.slice(0, -2)) : [pattern]))
  .filter((root) => existsSync(`${__dirname}/${root}/package.json`))
  .map((root) => ({ name: root.split('/').pop(), root }));
const names = projects.map((p) => p.name);
const clash = names.find((name, i) => names.indexOf(name) !== i);
if (clash) throw new Error(`Two workspaces are named ${clash}: Jest projects are named after their folder`);

function foldersIn(parent) {
  if (!existsSync(`${__dirname}/${parent}`)) return [];
  return readdirSync(`${__dirname}/${parent}`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`);
}

// Packages that ship ES modules only: Jest (CommonJS) compiles them like our code.
const ESM_ONLY = [
  '@nestjs',
  'uid',
  'jose',
  'typebox',
  '@platformatic',
  'scule',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  'load-esm',
  '@keycloak',
  '@microsoft/kiota-[a-z-]+',
  'camelize-ts',
  'url-template',
  '@std-uritemplate',
  'kubernetes-models',
  '@kubernetes-models',
  'is-cidr',
  'cidr-regex',
  // react-intl and its ICU message formatting, for the web services' component tests.
  'react-intl',
  '@formatjs',
  'intl-messageformat',
  // openapi-typescript's CommonJS build requires these ES modules (tools/openapi).
  'openapi-typescript',
  'parse-json',
  'index-to-position',
  'change-case',
  'supports-color',
];

// Packages whose `exports` offer only an `import` condition, which Jest's CommonJS resolver does not match: mapped
// to their files (kubernetes-models validates the Kubernetes manifests, deploy/src/kubernetes).
const IMPORT_ONLY = {
  '^kubernetes-models/(.*)$': 'node_modules/kubernetes-models/$1/index.js',
  '^@kubernetes-models/apimachinery/_schemas/(.*)$': 'node_modules/@kubernetes-models/apimachinery/_schemas/$1.js',
  '^@kubernetes-models/(base|validate)$': 'node_modules/@kubernetes-models/$1/dist/index.js',
};

function project({ name, root }) {
  const depth = root.split('/').length;
  const up = '../'.repeat(depth);
  return {
    displayName: name,
    rootDir: `${__dirname}/${root}`,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx', '<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
    transform: {
      '^.+\\.[cm]?[jt]s$': ['@swc/jest', { ...swc, swcrc: false }],
      // The web services' components (React with the automatic JSX runtime), rendered to HTML by their unit tests.
      '^.+\\.tsx$': [
        '@swc/jest',
        {
          ...swc,
          swcrc: false,
          jsc: {
            ...swc.jsc,
            parser: { ...swc.jsc.parser, tsx: true },
            transform: { ...swc.jsc.transform, react: { runtime: 'automatic' } },
          },
        },
      ],
    },
    // NestJS 12, jose 6 and @platformatic/kafka ship ES modules only: Jest (CommonJS) compiles them like our code.
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
    moduleNameMapper: Object.fromEntries([
      ...Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${up}${target.replace(/^\.\//, '')}`]),
      ...Object.entries(IMPORT_ONLY).map(([pattern, target]) => [pattern, `<rootDir>/${up}${target}`]),
    ]),
  };
}

module.exports = {
  rootDir: __dirname,
  projects: projects.map(project),
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  testTimeout: 60_000,
  // Jest's default is one worker per core but one, so a single worker on the two-core build machines. Most suites spend
  // their time waiting on PostgreSQL, a browser or a service, so two workers overlap those waits: the whole run took
  // 18 minutes in all on a fresh clone (`.ci/run`) with two, against 29 with one (ADR 0006).
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
