// One Jest run for the whole monorepo: one embedded PostgreSQL (global setup), a project per library
// and service, tests tiered by suffix (.spec unit, .int-spec against Postgres, .e2e-spec over HTTP).
const { readFileSync } = require('node:fs');
const swc = require('./tools/jest/swc.config.js');

const { compilerOptions } = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));
const projects = [
  { name: 'testing', root: 'libs/testing' },
  { name: 'domain', root: 'libs/platform/domain' },
  { name: 'event-sourcing', root: 'libs/platform/event-sourcing' },
  { name: 'contracts', root: 'libs/contracts' },
  { name: 'messaging', root: 'libs/platform/messaging' },
  { name: 'auth', root: 'libs/platform/auth' },
  { name: 'privacy', root: 'libs/platform/privacy' },
  { name: 'telemetry', root: 'libs/platform/telemetry' },
  { name: 'http', root: 'libs/platform/http' },
  { name: 'config', root: 'libs/platform/config' },
  { name: 'runtime', root: 'libs/platform/runtime' },
  { name: 'intake', root: 'services/intake' },
  { name: 'case', root: 'services/case' },
  { name: 'deploy', root: 'deploy' },
  { name: 'architecture', root: 'tools/architecture' },
];

function project({ name, root }) {
  const depth = root.split('/').length;
  const up = '../'.repeat(depth);
  return {
    displayName: name,
    rootDir: `${__dirname}/${root}`,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
    transform: { '^.+\\.[cm]?[jt]s$': ['@swc/jest', { ...swc, swcrc: false }] },
    // NestJS 12, jose 6 and @platformatic/kafka ship ES modules only: Jest (CommonJS) compiles them like our code.
    transformIgnorePatterns: [
      '/node_modules/(?!(@nestjs|uid|jose|@platformatic|scule|file-type|strtok3|token-types|@tokenizer|uint8array-extras|load-esm)/)',
    ],
    moduleNameMapper: Object.fromEntries(
      Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${up}${target.replace(/^\.\//, '')}`]),
    ),
  };
}

module.exports = {
  rootDir: __dirname,
  projects: projects.map(project),
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  testTimeout: 60_000,
};
